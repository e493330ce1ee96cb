package uk.safeguarding.ingest.outcome;

import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.serde.RegistryException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Kafka edge of the outcome: batches from {@code alerts.status} ({@value #ALERT_STATUS}) and
 * {@code alerts.unresolved} ({@value #UNRESOLVED}), read as bytes and decoded with the topics' own deserializers. A
 * record that cannot be read is skipped with a warning naming its type only (the outcome of one step is lost, nothing
 * else stops); an unreachable registry fails the batch so that it is read again.
 */
@Configuration
public class OutcomeBindings {

    public static final String ALERT_STATUS = "recordAlertStatus";
    public static final String UNRESOLVED = "recordUnresolvedChildren";

    private static final Logger log = LoggerFactory.getLogger(OutcomeBindings.class);

    @Bean(ALERT_STATUS)
    public Consumer<Message<List<?>>> recordAlertStatus(OutcomeIntake intake,
                                                    @Value("${platform.schema-registry.url}") String registryUrl) {
        Deserializer<AlertStatusChanged> deserializer = Topics.ALERT_STATUS.valueDeserializer(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        return batch -> intake.recordAlertSteps(decode(batch.getPayload(), deserializer, Topics.ALERT_STATUS.name()));
    }

    @Bean(UNRESOLVED)
    public Consumer<Message<List<?>>> recordUnresolvedChildren(OutcomeIntake intake,
                                                           @Value("${platform.schema-registry.url}") String registryUrl) {
        Deserializer<ChildUnresolved> deserializer = Topics.UNRESOLVED.valueDeserializer(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        return batch -> intake.recordUnresolved(decode(batch.getPayload(), deserializer, Topics.UNRESOLVED.name()));
    }

    private static <T> List<T> decode(List<?> batch, Deserializer<T> deserializer, String topic) {
        List<T> read = new ArrayList<>(batch.size());
        for (Object record : batch) {
            if (!(record instanceof byte[] value) || value.length == 0) {
                continue; // a tombstone: nothing to tell
            }
            try {
                read.add(deserializer.deserialize(topic, value));
            } catch (RuntimeException e) {
                if (registryUnavailable(e)) {
                    throw e;
                }
                // the exception's type only: a message might quote the record
                log.warn("A record on {} could not be read and is left out of the outcome: {}", topic,
                        e.getClass().getName());
            }
        }
        return read;
    }

    private static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryException r && (r.status() < 0 || r.status() >= 500)) {
                return true;
            }
        }
        return false;
    }
}
