package uk.safeguarding.ingest.access;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void burstIsServedAtOnceThenTheSteadyRate() {
        TokenBucket bucket = new TokenBucket(2, 3, nanos::get); // 2 per second, burst 3

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        long wait = bucket.tryTake();
        assertThat(wait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, nanos::get);
        nanos.addAndGet(TimeUnit.HOURS.toNanos(1));

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void eachClientHasItsOwnBucketAndConfiguredClientsTheirOwnLimit() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(1, 1),
                Map.of("big-force", new RateLimiter.Limit(1, 3)), nanos::get);

        assertThat(limiter.secondsToWait("a")).isZero();
        assertThat(limiter.secondsToWait("a")).isEqualTo(1);
        assertThat(limiter.secondsToWait("b")).isZero();
        assertThat(limiter.secondsToWait("big-force")).isZero();
        assertThat(limiter.secondsToWait("big-force")).isZero();
        assertThat(limiter.secondsToWait("big-force")).isZero();
        assertThat(limiter.secondsToWait("big-force")).isEqualTo(1);
    }

    @Test
    void waitIsRoundedUpToWholeSeconds() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(0.01, 1), Map.of(), nanos::get);

        limiter.secondsToWait("slow");

        assertThat(limiter.secondsToWait("slow")).isEqualTo(100);
    }

    @Test
    void eachDecisionTellsTheLimitWhatRemainsAndWhenTheBucketIsFullAgain() {
        // given a bucket of 4 refilled at 2 per second
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(2, 4), Map.of(), nanos::get);

        // when three requests come at once
        limiter.take("a");
        limiter.take("a");
        RateLimiter.Decision third = limiter.take("a");

        // then one is left, and the bucket is full again in 1.5 s, rounded up
        assertThat(third).isEqualTo(new RateLimiter.Decision(true, 4, 1, 2, 0));

        // and when it is emptied, the next is refused until a token is back (0.5 s, rounded up)
        limiter.take("a");
        assertThat(limiter.take("a")).isEqualTo(new RateLimiter.Decision(false, 4, 0, 2, 1));

        // and after two seconds it is full again
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(limiter.take("a")).isEqualTo(new RateLimiter.Decision(true, 4, 3, 1, 0));
    }
}
