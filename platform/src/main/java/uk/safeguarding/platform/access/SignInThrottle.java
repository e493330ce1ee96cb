package uk.safeguarding.platform.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down guessing: after {@code perAccount} failed sign-ins to one account, or {@code perClient} from one client
 * (network address), within {@code window}, further attempts are refused until the oldest of those failures leaves the
 * window. A success clears the account's count. Counts are kept in memory per instance (bounded), so several
 * instances each allow their share.
 */
public final class SignInThrottle {

    public record Limits(int perAccount, int perClient, Duration window) {
        public static Limits standard() {
            return new Limits(5, 20, Duration.ofMinutes(15));
        }
    }

    private static final int MAX_KEYS = 100_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long until this account may be tried again from this client, if it may not now. */
    public synchronized Optional<Duration> refusedFor(String account, String client) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        if (account != null) {
            wait = max(wait, waitFor(key("account", account), limits.perAccount(), now));
        }
        if (client != null) {
            wait = max(wait, waitFor(key("client", client), limits.perClient(), now));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public synchronized void failed(String account, String client) {
        Instant now = clock.instant();
        if (account != null) {
            failures.computeIfAbsent(key("account", account), k -> new ArrayDeque<>()).addLast(now);
        }
        if (client != null) {
            failures.computeIfAbsent(key("client", client), k -> new ArrayDeque<>()).addLast(now);
        }
    }

    public synchronized void succeeded(String account) {
        if (account != null) {
            failures.remove(key("account", account));
        }
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        Instant windowStart = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        // the failure that must leave the window for one more attempt
        Instant release = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(limits.window());
        return Duration.between(now, release);
    }

    private static String key(String kind, String value) {
        return kind + ":" + value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
