package uk.safeguarding.ingest.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per client id. Every client gets the default rate and burst unless configured otherwise
 * (a force with a large volume, or a test). Per client, not per force: one misbehaving system must not starve
 * another system submitting for the same force.
 */
public final class RateLimiter {

    public record Limit(double requestsPerSecond, int burst) {
    }

    private final Limit defaultLimit;
    private final Map<String, Limit> perClient;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Limit defaultLimit, Map<String, Limit> perClient, LongSupplier nanoClock) {
        this.defaultLimit = defaultLimit;
        this.perClient = Map.copyOf(perClient);
        this.nanoClock = nanoClock;
    }

    /**
     * What a request of this client found, in whole seconds: {@code limit} (the burst), {@code remaining} after this
     * request, {@code resetSeconds} until the bucket is full again and, when refused, {@code retryAfterSeconds} until
     * the next request will be let through (0 when granted).
     */
    public record Decision(boolean granted, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public Decision take(String clientId) {
        TokenBucket.Take take = buckets.computeIfAbsent(clientId, id -> {
            Limit limit = perClient.getOrDefault(id, defaultLimit);
            return new TokenBucket(limit.requestsPerSecond(), limit.burst(), nanoClock);
        }).take();
        return new Decision(take.granted(), take.capacity(), take.remaining(), seconds(take.nanosUntilFull()),
                take.granted() ? 0 : Math.max(1, seconds(take.nanosUntilNext())));
    }

    /** 0 if the request may go ahead, else the whole seconds (at least 1) the client should wait. */
    public long secondsToWait(String clientId) {
        return take(clientId).retryAfterSeconds();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
