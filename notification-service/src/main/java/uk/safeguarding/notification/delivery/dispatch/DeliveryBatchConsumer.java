package uk.safeguarding.notification.delivery.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.shared.consumers.DeadLetters;
import uk.safeguarding.notification.shared.consumers.Isolation;
import uk.safeguarding.notification.shared.consumers.RawRecord;
import uk.safeguarding.notification.shared.kafka.Outbound;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.platform.failure.DependencyFailure;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.platform.failure.SafeMessage;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kafka edge of delivery: a batch of alerts from the agency topics (read_committed), read with the alert topics'
 * own deserializer and recorded in one database transaction ({@link DeliveryIntake}). Runs on the listener thread
 * inside the binder's Kafka transaction, which commits the consumed offsets once the database has committed; a batch
 * read again after a failure records nothing twice. A record that cannot be read (or is empty), or that the database
 * refuses ({@link Isolation} finds it), goes to {@code alerts.dlt} with the cause, in the same Kafka transaction; the
 * rest of the batch is recorded. Channel work (email, webhook) is done by the dispatchers, off the listener thread.
 * Logs carry counts and positions only.
 */
@Component
public class DeliveryBatchConsumer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryBatchConsumer.class);

    /** The output binding of alerts.dlt (notification-service.yml). */
    public static final String DEAD_LETTERS = "alertsDeadLetter";

    private final Deserializer<AgencyAlert> deserializer;
    private final DeliveryIntake intake;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DeadLetters deadLetters;
    private final StreamBridge bridge;

    public DeliveryBatchConsumer(@Value("${platform.schema-registry.url}") String registryUrl, DeliveryIntake intake,
                                 Clock clock, MeterRegistry meters, DeadLetters deadLetters, StreamBridge bridge) {
        this.deserializer = Topics.alerts(AgencyKind.SCHOOL)
                .valueDeserializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        this.intake = intake;
        this.clock = clock;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.bridge = bridge;
    }

    private record Read(AgencyAlert alert, RecordPosition position, byte[] key, byte[] value) {
    }

    /** An alert record with no value. */
    private static final class Empty extends RuntimeException implements SafeMessage {
        Empty() {
            super("the record has no value (a tombstone)", null, false, false);
        }
    }

    public void accept(Message<List<?>> batch) {
        List<RawRecord> records = RawRecord.of(batch);
        Instant now = clock.instant();
        List<Read> alerts = new ArrayList<>(records.size());
        int dead = 0;
        for (RawRecord raw : records) {
            try {
                if (raw.tombstone()) {
                    throw new Empty();
                }
                alerts.add(new Read(deserializer.deserialize(raw.position().topic(), raw.value()), raw.position(),
                        raw.key(), raw.value()));
            } catch (RuntimeException e) {
                if (RawRecord.readFailure(e) instanceof DependencyFailure notTheRecords) {
                    throw notTheRecords; // the batch is read again after a back-off
                }
                deadLetter(raw.position(), raw.key(), raw.value(), e);
                dead++;
            }
        }
        List<Read> atFault = new ArrayList<>();
        List<DeliveryIntake.Outcome> outcomes = Isolation.isolate(alerts,
                some -> List.of(intake.record(some.stream().map(Read::alert).toList(), now)),
                (read, e) -> {
                    atFault.add(read);
                    deadLetter(read.position(), read.key(), read.value(), e);
                }, "alerts");
        dead += atFault.size();
        int created = outcomes.stream().mapToInt(DeliveryIntake.Outcome::created).sum();
        meters.counter("notification.deliveries.dead-lettered").increment(dead);
        log.info("Delivery batch of {} alert records: {} new, {} already recorded, {} dead-lettered; {} email notices,"
                        + " {} webhooks queued", records.size(), created, alerts.size() - atFault.size() - created, dead,
                outcomes.stream().mapToInt(DeliveryIntake.Outcome::emailNotices).sum(),
                outcomes.stream().mapToInt(DeliveryIntake.Outcome::webhooks).sum());
    }

    private void deadLetter(RecordPosition position, byte[] key, byte[] value, RuntimeException cause) {
        log.warn("Alert record at {} dead-lettered: {}", position, Failures.describe(cause));
        DeadLetters.DeadLetter letter = deadLetters.of(position, key, value, cause);
        new Outbound(DEAD_LETTERS, letter.key(), letter.value(), letter.headers()).sendThrough(bridge);
    }
}
