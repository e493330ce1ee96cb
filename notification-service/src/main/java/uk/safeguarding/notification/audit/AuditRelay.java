package uk.safeguarding.notification.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.notification.intake.OutboxRelay;
import uk.safeguarding.notification.intake.TransactionalKafka;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.schemas.Topics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publishes the audit outbox: unpublished {@code disclosure_audit} rows, in order, as {@link DisclosureRecorded} on
 * {@code audit.disclosures} (key childId, or organisationId when the row has no child), then marks them published; in
 * batches, one relay at a time across instances (advisory lock), as {@code delivery.StatusRelay} does for statuses.
 * One Kafka transaction per batch on the binder's transactional producer; the database marks commit after it, so a
 * failure in between publishes the same events again with the same eventId: at least once.
 */
@Component
public class AuditRelay {

    private static final long LOCK_KEY = 0x5eed_0040L; // pg advisory lock: one audit relay at a time

    private final OutboxRelay<DisclosureEvent> relay;

    public AuditRelay(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionalKafka kafka, Clock clock,
                      @Value("${notification.audit.relay-batch-size:500}") int batchSize) {
        this.relay = new OutboxRelay<>("Audit relay", LOCK_KEY, Topics.AUDIT.name(), new OutboxRelay.Outbox<>() {
            @Override
            public List<DisclosureEvent> unpublished(JdbcTemplate db, int limit) {
                return db.query("select * from disclosure_audit where published_at is null order by seq limit ?",
                        (rs, n) -> AuditTrail.event(rs), limit);
            }

            @Override
            public UUID eventId(DisclosureEvent e) {
                return e.eventId();
            }

            @Override
            public String key(DisclosureEvent e) {
                return e.childId() != null ? e.childId() : e.organisationId();
            }

            @Override
            public Object value(DisclosureEvent e) {
                return record(e);
            }

            @Override
            public void markPublished(JdbcTemplate db, UUID[] ids, Timestamp at) {
                db.update("update disclosure_audit set published_at = ? where event_id = any (?)"
                        + " and published_at is null", at, ids);
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
