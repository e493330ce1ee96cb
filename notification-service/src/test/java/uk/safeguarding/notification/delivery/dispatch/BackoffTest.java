package uk.safeguarding.notification.delivery.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeFromTheBaseDelay() {
        Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(30));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void theWaitNeverExceedsTheCap() {
        Backoff backoff = new Backoff(40, Duration.ofSeconds(30), Duration.ofMinutes(10));

        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(39)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theLastAttemptIsNotRetried() {
        Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(30));

        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
        assertThatThrownBy(() -> backoff.delayAfter(5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScheduleThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
