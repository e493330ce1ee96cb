package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.avro.AgencyAlert;

import java.time.Instant;
import java.util.Collection;

/**
 * Work of another delivery capability that starts when alerts arrive (probation's question awaiting an answer), done
 * inside the intake's database transaction so that it is recorded exactly when the alert is.
 */
public interface AlertsReceived {

    /** The alerts new to delivery in this batch (a redelivered alert is not passed again). */
    void received(Collection<AgencyAlert> alerts, Instant now);
}
