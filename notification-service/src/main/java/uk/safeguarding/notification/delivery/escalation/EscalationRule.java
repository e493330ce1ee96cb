package uk.safeguarding.notification.delivery.escalation;

import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.delivery.dispatch.DeliveryStates;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an alert nobody has opened is escalated and when it is breached. An unopened alert is ESCALATED (its
 * organisation's deputies told) once "now" reaches its deadline minus the margin, and BREACHED once "now" reaches
 * the deadline. Each happens once: an alert already escalated is not escalated again, one already breached is not
 * breached again, and an opened (or actioned) alert is neither. An alert without a deadline is never escalated.
 * An alert that arrives after both points is escalated and breached in the same run.
 */
public record EscalationRule(Duration beforeDeadline) {

    /** A step the rule asks for. */
    public enum Step { ESCALATE, BREACH }

    public EscalationRule {
        if (beforeDeadline.isNegative()) {
            throw new IllegalArgumentException("the margin before the deadline cannot be negative");
        }
    }

    /** When an alert due by {@code dueBy} is escalated if still unopened. */
    public Instant escalateAt(Instant dueBy) {
        return dueBy.minus(beforeDeadline);
    }

    /** The steps due now for an alert in {@code state} due by {@code dueBy}, given which have happened already. */
    public Set<Step> due(DeliveryState state, Instant dueBy, boolean escalated, boolean breached, Instant now) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (dueBy == null || !DeliveryStates.unopened(state)) {
            return steps;
        }
        if (!escalated && !breached && state != DeliveryState.ESCALATED && state != DeliveryState.BREACHED
                && !now.isBefore(escalateAt(dueBy))) {
            steps.add(Step.ESCALATE);
        }
        if (!breached && state != DeliveryState.BREACHED && !now.isBefore(dueBy)) {
            steps.add(Step.BREACH);
        }
        return steps;
    }
}
