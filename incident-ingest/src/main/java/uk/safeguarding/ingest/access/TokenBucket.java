package uk.safeguarding.ingest.access;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} requests, refilled at {@code perSecond}. A client that sends in bursts is
 * served at once up to the burst, then at the steady rate. The clock is a nanosecond counter so tests drive it.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    public TokenBucket(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, were " + perSecond + " and " + burst);
        }
        this.capacity = burst;
        this.refillPerNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** What one request found: whether it may go ahead, and the bucket as it left it. */
    public record Take(boolean granted, long nanosUntilNext, int remaining, long nanosUntilFull, int capacity) {
    }

    /**
     * Takes one token if there is one and answers 0; otherwise takes nothing and answers how many nanoseconds until
     * one will be there.
     */
    public long tryTake() {
        return take().nanosUntilNext();
    }

    /** Takes one token if there is one; answers what is left and how long until the bucket is full again. */
    public synchronized Take take() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerNano);
        lastRefill = now;
        boolean granted = tokens >= 1;
        if (granted) {
            tokens -= 1;
        }
        long untilNext = granted ? 0 : (long) Math.ceil((1 - tokens) / refillPerNano);
        long untilFull = (long) Math.ceil((capacity - tokens) / refillPerNano);
        return new Take(granted, untilNext, (int) Math.floor(tokens), untilFull, (int) capacity);
    }
}
