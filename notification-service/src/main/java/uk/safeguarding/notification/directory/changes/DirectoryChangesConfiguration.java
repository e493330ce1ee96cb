package uk.safeguarding.notification.directory.changes;

import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.notification.routing.RecordPosition;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.serde.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The consumer function of {@code directory.changes} (bound in notification-service.yml as
 * {@code applyDirectoryChanges}, raw bytes, read_committed): one record at a time, so the changes to one person (one
 * key, one partition) apply in order. Each record is read with the topic's own deserializer; one that cannot be read
 * is rejected with the reason, not retried forever. If the registry is unavailable the record is read again.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryChangesConfiguration {

    public static final String FUNCTION = "applyDirectoryChanges";

    @Bean
    public Consumer<Message<byte[]>> applyDirectoryChanges(DirectoryChangeApplier applier, Clock clock,
                                                           @Value("${platform.schema-registry.url}") String registryUrl) {
        Deserializer<DirectoryChanged> deserializer = Topics.DIRECTORY_CHANGES.valueDeserializer(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        return message -> {
            RecordPosition position = new RecordPosition(
                    String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)),
                    ((Number) message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION)).intValue(),
                    ((Number) message.getHeaders().get(KafkaHeaders.OFFSET)).longValue());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            DirectoryChanged change;
            try {
                change = deserializer.deserialize(position.topic(), message.getPayload());
            } catch (RuntimeException e) {
                if (registryUnavailable(e)) {
                    throw e;
                }
                applier.reject(null, null, "unreadable record: " + e.getClass().getSimpleName(), position, now);
                return;
            }
            if (change == null || change.getChangeId() == null || change.getChangeId().isBlank()
                    || change.getEffectiveAt() == null) {
                applier.reject(change == null ? null : change.getChangeId(), null, "no change id or effective time",
                        position, now);
                return;
            }
            applier.apply(change, position, now);
        };
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
