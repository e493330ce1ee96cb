package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.RecordPosition;

import java.util.Collection;

/**
 * What to do with an incident record, given the revisions of the same incident already recorded (in the database or
 * earlier in the same batch).
 *
 * <p>The database transaction (ledger, unresolved children, revisions) commits before the Kafka transaction
 * (alerts, offsets). If the Kafka transaction then aborts, the batch is read again, and the database already holds
 * the first attempt. So a recorded revision is told apart by the record it came from:
 * <ul>
 * <li>recorded from the SAME topic/partition/offset: {@link Decision#REDELIVERY}: the earlier attempt's outputs were
 * never visible (its Kafka transaction aborted), so re-send exactly what it recorded (same alert ids, same content);
 * </li>
 * <li>recorded from a DIFFERENT offset: {@link Decision#DUPLICATE}: the incident was re-published or replayed and its
 * alerts are already out: send nothing;</li>
 * <li>not recorded, and older than a revision already routed: {@link Decision#SUPERSEDED}: record it, send nothing;
 * </li>
 * <li>otherwise {@link Decision#ROUTE}.</li>
 * </ul>
 * A replay of the topic by resetting the consumer group's offsets re-reads records at their SAME offsets and so
 * looks like a redelivery: reset offsets only together with the routing tables.
 */
public final class RevisionDecisions {

    private RevisionDecisions() {
    }

    public enum Decision { ROUTE, SUPERSEDED, REDELIVERY, DUPLICATE }

    public enum Outcome { ROUTED, SUPERSEDED }

    /** A revision of the incident already recorded, with its outcome and the record it came from. */
    public record Recorded(int revision, Outcome outcome, RecordPosition source) {
    }

    public static Decision decide(int revision, RecordPosition source, Collection<Recorded> recorded) {
        int newestRouted = 0;
        for (Recorded r : recorded) {
            if (r.revision() == revision) {
                return r.source().equals(source) ? Decision.REDELIVERY : Decision.DUPLICATE;
            }
            if (r.outcome() == Outcome.ROUTED) {
                newestRouted = Math.max(newestRouted, r.revision());
            }
        }
        return revision < newestRouted ? Decision.SUPERSEDED : Decision.ROUTE;
    }
}
