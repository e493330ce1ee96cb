package uk.safeguarding.notification.delivery.escalation;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.DeliveryState;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.notification.delivery.escalation.EscalationRule.Step.BREACH;
import static uk.safeguarding.notification.delivery.escalation.EscalationRule.Step.ESCALATE;

class EscalationRuleTest {

    private final EscalationRule rule = new EscalationRule(Duration.ofMinutes(30));
    private final Instant due = Instant.parse("2026-11-23T08:30:00Z");

    @Test
    void anUnopenedAlertIsLeftAloneUntilTheMarginBeforeItsDeadline() {
        assertThat(rule.due(DeliveryState.DELIVERED, due, false, false, due.minus(Duration.ofMinutes(31)))).isEmpty();
    }

    @Test
    void anUnopenedAlertIsEscalatedFromTheMarginBeforeItsDeadline() {
        assertThat(rule.due(DeliveryState.DELIVERED, due, false, false, due.minus(Duration.ofMinutes(30))))
                .containsExactly(ESCALATE);
        assertThat(rule.due(DeliveryState.SENT, due, false, false, due.minusSeconds(1))).containsExactly(ESCALATE);
        assertThat(rule.due(DeliveryState.FAILED, due, false, false, due.minusSeconds(1))).containsExactly(ESCALATE);
    }

    @Test
    void anEscalatedAlertStillUnopenedAtItsDeadlineIsBreachedOnce() {
        assertThat(rule.due(DeliveryState.ESCALATED, due, true, false, due.minusSeconds(1))).isEmpty();
        assertThat(rule.due(DeliveryState.ESCALATED, due, true, false, due)).containsExactly(BREACH);
        assertThat(rule.due(DeliveryState.BREACHED, due, true, true, due.plusSeconds(3600))).isEmpty();
    }

    @Test
    void anAlertArrivingAfterItsDeadlineIsEscalatedAndBreachedAtOnce() {
        assertThat(rule.due(DeliveryState.SENT, due, false, false, due.plusSeconds(60))).containsExactly(ESCALATE, BREACH);
    }

    @Test
    void anOpenedOrActionedAlertIsNeverEscalatedNorBreached() {
        for (DeliveryState opened : new DeliveryState[]{DeliveryState.OPENED, DeliveryState.ACTIONED}) {
            assertThat(rule.due(opened, due, false, false, due.plus(Duration.ofDays(3)))).isEmpty();
        }
    }

    @Test
    void anAlertWithoutADeadlineIsNeverEscalated() {
        assertThat(rule.due(DeliveryState.SENT, null, false, false, due)).isEmpty();
    }

    @Test
    void theEscalationPointIsTheDeadlineLessTheMargin() {
        assertThat(rule.escalateAt(due)).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThatThrownBy(() -> new EscalationRule(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
