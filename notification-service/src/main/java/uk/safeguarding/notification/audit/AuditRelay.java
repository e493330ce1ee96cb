package uk.safeguarding.notification.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import uk.safeguarding.notification.intake.TransactionalKafka;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.schemas.Topics;

import java.nio.charset.StandardCharsets;
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

    private static final Logger log = LoggerFactory.getLogger(AuditRelay.class);
    private static final long LOCK_KEY = 0x5eed_0040L; // pg advisory lock: one audit relay at a time

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionalKafka kafka;
    private final Clock clock;
    private final int batchSize;

    public AuditRelay(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionalKafka kafka, Clock clock,
                      @Value("${notification.audit.relay-batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Publishes everything unpublished, batch by batch. Returns how many events were published. */
    public int relay() {
        int total = 0;
        int published;
        do {
            Integer n = transactions.execute(tx -> relayBatch());
            published = n == null ? 0 : n;
            total += published;
        } while (published == batchSize);
        if (total > 0) {
            log.debug("Audit relay published {} events", total);
        }
        return total;
    }

    private int relayBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return 0; // another instance is relaying
        }
        List<DisclosureEvent> events = jdbc.query("select * from disclosure_audit where published_at is null"
                + " order by seq limit ?", (rs, n) -> AuditTrail.event(rs), batchSize);
        if (events.isEmpty()) {
            return 0;
        }
        String topic = Topics.AUDIT.name();
        template().executeInTransaction(t -> {
            for (DisclosureEvent e : events) {
                String key = e.childId() != null ? e.childId() : e.organisationId();
                t.send(topic, key.getBytes(StandardCharsets.UTF_8), record(e));
            }
            t.flush();
            return null;
        });
        UUID[] ids = events.stream().map(DisclosureEvent::eventId).toArray(UUID[]::new);
        jdbc.update("update disclosure_audit set published_at = ? where event_id = any (?) and published_at is null",
                Timestamp.from(clock.instant()), ids);
        return events.size();
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

    private KafkaTemplate<byte[], Object> template() {
        return kafka.template();
    }
}
