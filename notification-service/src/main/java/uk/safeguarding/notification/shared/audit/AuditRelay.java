package uk.safeguarding.notification.shared.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.notification.shared.kafka.OutboxRelay;
import uk.safeguarding.notification.shared.kafka.TransactionalKafka;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.schemas.Topics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes the audit outbox as {@link DisclosureRecorded} on {@code audit.disclosures} (key childId, or organisationId
 * when the row has no child), in batches, one relay at a time across instances (advisory lock), one Kafka transaction
 * per batch on the binder's transactional producer.
 *
 * <p>It reads from a position instead of marking rows: {@code disclosure_audit} stays strictly append-only, and routing
 * (about seven audit rows per incident) pays for one insert per row, not an insert and a later update. Each row carries
 * the id of the transaction that wrote it ({@code tx}); the relay reads rows after its position in {@code (tx, seq)}
 * order, but only those written by transactions older than every transaction still running
 * ({@code pg_snapshot_xmin}), so a transaction that commits late can never leave its rows behind the position. The
 * position moves in the database after the Kafka transaction commits: a failure in between publishes the same events
 * again with the same eventId (at least once).
 */
@Component
public class AuditRelay {

    static final String OUTBOX = "audit";
    private static final long LOCK_KEY = 0x5eed_0040L; // pg advisory lock: one audit relay at a time

    /** One audit row and where it stands in the relay's order. */
    record Row(DisclosureEvent event, String tx, long seq) {
    }

    private final OutboxRelay<Row> relay;

    public AuditRelay(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionalKafka kafka, Clock clock,
                      @Value("${notification.audit.relay-batch-size:500}") int batchSize) {
        this.relay = new OutboxRelay<>("Audit relay", LOCK_KEY, Topics.AUDIT.name(), new OutboxRelay.Outbox<>() {
            @Override
            public List<Row> unpublished(JdbcTemplate db, int limit) {
                // the position first, as constants: the planner then walks the (tx, seq) index from it
                Map<String, Object> position = db.queryForMap("select tx::text as tx, seq from outbox_position"
                        + " where outbox = ?", OUTBOX);
                return db.query("select a.*, a.tx::text as tx_text from disclosure_audit a"
                                + " where (a.tx, a.seq) > (?::xid8, ?)"
                                + " and a.tx < pg_snapshot_xmin(pg_current_snapshot())"
                                + " order by a.tx, a.seq limit ?",
                        (rs, n) -> new Row(AuditTrail.event(rs), rs.getString("tx_text"), rs.getLong("seq")),
                        position.get("tx"), position.get("seq"), limit);
            }

            @Override
            public String key(Row r) {
                return r.event().childId() != null ? r.event().childId() : r.event().organisationId();
            }

            @Override
            public Object value(Row r) {
                return record(r.event());
            }

            @Override
            public void markPublished(JdbcTemplate db, List<Row> rows, Timestamp at) {
                Row last = rows.get(rows.size() - 1);
                db.update("update outbox_position set tx = ?::xid8, seq = ?, moved_at = ? where outbox = ?",
                        last.tx(), last.seq(), at, OUTBOX);
            }
        }, jdbc, transactions, kafka, clock, batchSize);
    }

    /** Publishes everything unpublished, batch by batch. Returns how many events were published. */
    public int relay() {
        return relay.relay();
    }

    static DisclosureRecorded record(DisclosureEvent e) {
        return DisclosureRecorded.newBuilder()
                .setEventId(e.eventId().toString())
                .setAction(e.action())
                .setOccurredAt(e.occurredAt())
                .setActor(e.actor())
                .setOrganisationId(e.organisationId())
                .setChildId(e.childId())
                .setIncidentId(e.incidentId())
                .setAlertId(e.alertId() == null ? null : e.alertId().toString())
                .setFields(new ArrayList<>(e.fields()))
                .setPolicyVersion(e.policyVersion())
                .setLawfulBasis(e.lawfulBasis())
                .build();
    }
}
