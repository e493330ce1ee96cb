package uk.safeguarding.notification.delivery.escalation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an alert stands against its deadline, as the operations console and the gauges count it. */
class DeadlineStandingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(2);

    @Test
    void anUnopenedAlertDueWithinTheWindowIsAtRiskAndOnePastItsDeadlineIsBreached() {
        assertThat(standing("SENT", null, NOW.plus(WINDOW))).isEqualTo(DeadlineStanding.AT_RISK);
        assertThat(standing("DELIVERED", null, NOW.plusSeconds(1))).isEqualTo(DeadlineStanding.AT_RISK);
        assertThat(standing("ESCALATED", null, NOW)).isEqualTo(DeadlineStanding.BREACHED);
        assertThat(standing("BREACHED", null, NOW.minusSeconds(3600))).isEqualTo(DeadlineStanding.BREACHED);
        assertThat(standing("FAILED", null, NOW.minusSeconds(1))).isEqualTo(DeadlineStanding.BREACHED);
    }

    @Test
    void anAlertDueLaterOrWithoutADeadlineIsOnTime() {
        assertThat(standing("SENT", null, NOW.plus(WINDOW).plusSeconds(1))).isEqualTo(DeadlineStanding.ON_TIME);
        assertThat(standing("SENT", null, null)).isEqualTo(DeadlineStanding.ON_TIME);
    }

    @Test
    void anOpenedOrActionedAlertNeedsNobodyChasedWhateverItsDeadline() {
        assertThat(standing("OPENED", NOW.minusSeconds(60), NOW.minusSeconds(3600))).isEqualTo(DeadlineStanding.DONE);
        assertThat(standing("ACTIONED", null, NOW.minusSeconds(3600))).isEqualTo(DeadlineStanding.DONE);
        // opened late: a breach that happened, no longer one to chase
        assertThat(standing("BREACHED", NOW, NOW.minusSeconds(3600))).isEqualTo(DeadlineStanding.DONE);
    }

    private static DeadlineStanding standing(String state, Instant openedAt, Instant dueBy) {
        return DeadlineStanding.of(state, openedAt, dueBy, NOW, WINDOW);
    }
}
