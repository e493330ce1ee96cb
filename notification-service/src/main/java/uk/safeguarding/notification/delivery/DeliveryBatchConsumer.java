package uk.safeguarding.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.serde.RegistryException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kafka edge of delivery: a batch of alerts from the six agency topics (read_committed), read with the alert
 * topics' own deserializer and recorded in one database transaction ({@link DeliveryIntake}). Runs on the listener
 * thread inside the binder's Kafka transaction, which commits the consumed offsets once the database has committed;
 * a batch read again after a failure records nothing twice. Channel work (email, webhook) is done by the
 * dispatchers, off the listener thread. Logs carry counts only.
 */
@Component
public class DeliveryBatchConsumer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryBatchConsumer.class);

    private final Deserializer<AgencyAlert> deserializer;
    private final DeliveryIntake intake;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeliveryBatchConsumer(@Value("${platform.schema-registry.url}") String registryUrl, DeliveryIntake intake,
                                 Clock clock, MeterRegistry meters) {
        this.deserializer = Topics.alerts(AgencyKind.SCHOOL)
                .valueDeserializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        this.intake = intake;
        this.clock = clock;
        this.meters = meters;
    }

    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> values = batch.getPayload();
        Object topicsHeader = batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        List<?> topics = topicsHeader instanceof List<?> l ? l : List.of();
        List<AgencyAlert> alerts = new ArrayList<>(values.size());
        int unreadable = 0;
        for (int i = 0; i < values.size(); i++) {
            String topic = topics.size() > i ? String.valueOf(topics.get(i)) : Topics.alerts(AgencyKind.SCHOOL).name();
            try {
                AgencyAlert alert = deserializer.deserialize(topic, values.get(i));
                if (alert == null) {
                    throw new IllegalArgumentException("no value");
                }
                alerts.add(alert);
            } catch (RuntimeException e) {
                if (registryUnavailable(e)) {
                    throw e; // not the record's fault: the batch is read again
                }
                // alerts are written by this service's routing; one that cannot be read is logged and counted, not looped on
                unreadable++;
                log.error("Unreadable alert record on {} skipped: {}", topic, e.getClass().getName());
            }
        }
        DeliveryIntake.Outcome outcome = intake.record(alerts, clock.instant());
        meters.counter("notification.deliveries.unreadable").increment(unreadable);
        log.info("Delivery batch of {} alert records: {} new, {} already recorded, {} unreadable; {} email notices, {} webhooks queued",
                values.size(), outcome.created(), alerts.size() - outcome.created(), unreadable, outcome.emailNotices(),
                outcome.webhooks());
    }

    static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryException r && (r.status() < 0 || r.status() >= 500)) {
                return true;
            }
        }
        return false;
    }
}
