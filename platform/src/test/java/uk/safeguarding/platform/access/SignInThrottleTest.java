package uk.safeguarding.platform.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private Instant now = Instant.parse("2030-01-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(3, 5, Duration.ofMinutes(15)),
            clock);

    @Test
    void anAccountIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusedFor("dsl@school.example", "10.0.0.1")).isEmpty();
            throttle.failed("dsl@school.example", "10.0.0.1");
            now = now.plusSeconds(60);
        }
        // three failures at 09:00, 09:01, 09:02; now 09:03
        assertThat(throttle.refusedFor("DSL@school.example", "10.0.0.9")).contains(Duration.ofMinutes(12));
        now = Instant.parse("2030-01-01T09:15:00Z");
        assertThat(throttle.refusedFor("dsl@school.example", "10.0.0.1")).isEmpty();
    }

    @Test
    void aClientTryingManyAccountsIsRefusedToo() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("person" + i + "@school.example", "10.0.0.2");
        }
        assertThat(throttle.refusedFor("someone-else@school.example", "10.0.0.2")).isPresent();
        assertThat(throttle.refusedFor("someone-else@school.example", "10.0.0.3")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        throttle.failed("dsl@school.example", "10.0.0.1");
        throttle.failed("dsl@school.example", "10.0.0.1");
        throttle.succeeded("dsl@school.example");
        throttle.failed("dsl@school.example", "10.0.0.1");
        throttle.failed("dsl@school.example", "10.0.0.1");
        assertThat(throttle.refusedFor("dsl@school.example", null)).isEmpty();
    }
}
