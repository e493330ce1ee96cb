package uk.safeguarding.notification.delivery.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Where an alert stands against its deadline, as operations sees it: the same rule as the gauges
 * ({@link DeadlineGauges}) and the console's deadlines section ({@link DeliveryPanels}). Plain Java.
 * <ul>
 *   <li>{@link #BREACHED}: not opened, still open (sent, delivered, failed, escalated or breached), and its deadline
 *       has passed;</li>
 *   <li>{@link #AT_RISK}: the same, with the deadline within the at-risk window from now;</li>
 *   <li>{@link #ON_TIME}: the same, with the deadline further off, or no deadline;</li>
 *   <li>{@link #DONE}: opened or actioned: nobody needs chasing.</li>
 * </ul>
 */
public enum DeadlineStanding {
    DONE, ON_TIME, AT_RISK, BREACHED;

    /** Delivery states in which an alert still waits for someone to open it. */
    static final Set<String> OPEN_STATES = Set.of("SENT", "DELIVERED", "FAILED", "ESCALATED", "BREACHED");

    public static DeadlineStanding of(String state, Instant openedAt, Instant dueBy, Instant now, Duration atRiskWindow) {
        if (openedAt != null || state == null || !OPEN_STATES.contains(state)) {
            return DONE;
        }
        if (dueBy == null) {
            return ON_TIME;
        }
        if (!dueBy.isAfter(now)) {
            return BREACHED;
        }
        return dueBy.isAfter(now.plus(atRiskWindow)) ? ON_TIME : AT_RISK;
    }
}
