package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.avro.IncidentReported;

import java.util.List;

/**
 * Called on the listener thread after the batch's database transaction committed and its records were handed to the
 * Kafka transaction, before that transaction commits. No production implementation: tests use it to abort a batch
 * after the ledger write and prove the redelivery re-sends each alert exactly once.
 */
public interface BatchHook {

    void afterDatabaseCommit(List<IncidentReported> incidents);

    /** Called inside the routing transaction, before anything is written: tests plant a database failure here. */
    default void insideRoutingTransaction(List<IncidentReported> incidents) {
    }
}
