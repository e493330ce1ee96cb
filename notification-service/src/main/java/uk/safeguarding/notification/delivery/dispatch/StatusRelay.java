package uk.safeguarding.notification.delivery.dispatch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.notification.shared.kafka.OutboxRelay;
import uk.safeguarding.notification.shared.kafka.TransactionalKafka;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.schemas.Topics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Publishes the status outbox: unpublished {@code delivery_event} rows, in order, as {@link AlertStatusChanged} on
 * {@code alerts.status} (key alertId), then marks them published; in batches. One relay runs at a time across
 * instances (a PostgreSQL advisory lock held by the batch's transaction), which keeps each alert's events in order.
 *
 * <p>The binder is transactional (binder-level {@code transaction-id-prefix}), so sending from this poller's thread
 * takes a Kafka transaction of its own: a {@link KafkaTemplate} on the binder's transactional producer factory, with
 * {@code executeInTransaction}, one Kafka transaction per batch. The batch's database transaction commits after the
 * Kafka one: if marking fails after a publish, the next run publishes the same events again with the same eventId.
 * Delivery of status events is therefore at least once, with a stable eventId for consumers to drop repeats by.
 * Events carry ids, states, channels, times and a detail in words: no personal data (v3 adds the incident revision,
 * the child's position in the police's list and the recipient organisation's name, from {@code delivered_alert}).
 */
@Component
public class StatusRelay {

    private static final long LOCK_KEY = 0x5eed_0030L; // pg advisory lock: one status relay at a time

    private final OutboxRelay<AlertStatusChanged> relay;

    public StatusRelay(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionalKafka kafka, Clock clock,
                       @Value("${notification.status-relay.batch-size:500}") int batchSize) {
        this.relay = new OutboxRelay<>("Status relay", LOCK_KEY, Topics.ALERT_STATUS.name(), new OutboxRelay.Outbox<>() {
            @Override
            public List<AlertStatusChanged> unpublished(JdbcTemplate db, int limit) {
                return db.query("select e.event_id, e.alert_id, e.state, e.channel, e.occurred_at,"
                                + " e.actor_id, e.detail, d.incident_id, d.organisation_id, d.recipient_kind, d.due_by,"
                                + " a.revision, a.child_index, a.organisation_name"
                                + " from delivery_event e join delivery d on d.alert_id = e.alert_id"
                                + " left join delivered_alert a on a.alert_id = e.alert_id"
                                + " where e.published_at is null order by e.seq limit ?",
                        (rs, n) -> AlertStatusChanged.newBuilder()
                                .setEventId(rs.getString("event_id"))
                                .setAlertId(rs.getString("alert_id"))
                                .setIncidentId(rs.getString("incident_id"))
                                .setOrganisationId(rs.getString("organisation_id"))
                                .setRecipientKind(AgencyKind.valueOf(rs.getString("recipient_kind")))
                                .setState(DeliveryState.valueOf(rs.getString("state")))
                                .setChannel(DeliveryChannel.valueOf(rs.getString("channel")))
                                .setOccurredAt(rs.getTimestamp("occurred_at").toInstant())
                                .setActorId(rs.getString("actor_id"))
                                .setDueBy(rs.getTimestamp("due_by") == null ? null : rs.getTimestamp("due_by").toInstant())
                                .setDetail(rs.getString("detail"))
                                // v3: which revision and child of the police's report, and the recipient's name
                                // (delivery's own copy of the alert), so the force can be told what became of it
                                .setIncidentRevision((Integer) rs.getObject("revision"))
                                .setChildIndex((Integer) rs.getObject("child_index"))
                                .setOrganisationName(rs.getString("organisation_name"))
                                .build(), limit);
            }

            @Override
            public String key(AlertStatusChanged e) {
                return e.getAlertId();
            }

            @Override
            public Object value(AlertStatusChanged e) {
                return e;
            }

            @Override
            public void markPublished(JdbcTemplate db, List<AlertStatusChanged> rows, Timestamp at) {
                db.update("update delivery_event set published_at = ? where event_id = any (?)", at,
                        rows.stream().map(r -> UUID.fromString(r.getEventId())).toArray(UUID[]::new));
            }
        }, jdbc, transactions, kafka, clock, batchSize);
    }

    /** Publishes everything unpublished, batch by batch. Returns how many events were published. */
    public int relay() {
        return relay.relay();
    }
}
