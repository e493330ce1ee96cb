package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.avro.DeliveryState;

import java.util.Optional;

/**
 * How an alert's state moves when a step happens. The state is the furthest the alert has got towards being read
 * and acted on; every step is still recorded as an event whether or not it moves the state. A channel's outcome
 * (delivered, failed) never undoes a person's reading, and a late opening after a breach is still an opening.
 */
public final class DeliveryStates {

    private DeliveryStates() {
    }

    /** The state after {@code step}, or empty when the step leaves the state as it is. */
    public static Optional<DeliveryState> after(DeliveryState current, DeliveryState step) {
        DeliveryState next = switch (step) {
            case OPENED -> unopened(current) ? DeliveryState.OPENED : null;
            case ACTIONED -> current == DeliveryState.OPENED ? DeliveryState.ACTIONED : null;
            case DELIVERED -> current == DeliveryState.SENT || current == DeliveryState.FAILED ? DeliveryState.DELIVERED : null;
            case FAILED -> current == DeliveryState.SENT ? DeliveryState.FAILED : null;
            case ESCALATED -> current == DeliveryState.SENT || current == DeliveryState.DELIVERED
                    || current == DeliveryState.FAILED ? DeliveryState.ESCALATED : null;
            case BREACHED -> unopened(current) && current != DeliveryState.BREACHED ? DeliveryState.BREACHED : null;
            case SENT, UNKNOWN -> null;
        };
        return Optional.ofNullable(next);
    }

    /** Not yet opened by anyone at the recipient organisation. */
    public static boolean unopened(DeliveryState state) {
        return state != DeliveryState.OPENED && state != DeliveryState.ACTIONED;
    }
}
