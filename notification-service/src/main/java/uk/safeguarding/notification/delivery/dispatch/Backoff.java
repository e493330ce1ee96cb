package uk.safeguarding.notification.delivery.dispatch;

import java.time.Duration;

/**
 * When a failed webhook attempt is tried again: exponential, {@code base * 2^(attempt-1)} after attempt
 * {@code attempt}, capped at {@code max}; none after the last of {@code maxAttempts}. With the defaults (5 attempts,
 * 30 s, cap 30 min) the retries come 30 s, 1 min, 2 min and 4 min after the attempt before.
 */
public record Backoff(int maxAttempts, Duration base, Duration max) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (base.isNegative() || max.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max");
        }
    }

    /** True when {@code attempt} (1-based) was the last one allowed. */
    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    /** The wait after failed attempt {@code attempt} (1-based) before the next; not defined once exhausted. */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1");
        }
        if (exhausted(attempt)) {
            throw new IllegalStateException("attempt " + attempt + " of " + maxAttempts + " was the last");
        }
        Duration delay = base;
        for (int i = 1; i < attempt; i++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(max) >= 0) {
                return max;
            }
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
