package uk.safeguarding.notification.routing.directory.changes;

import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.notification.shared.consumers.RawRecord;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.platform.failure.DependencyFailure;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.schemas.contract.Text;
import uk.safeguarding.serde.AvroSerdeConfig;

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
    public Consumer<Message<?>> applyDirectoryChanges(DirectoryChangeApplier applier, Clock clock,
                                                      @Value("${platform.schema-registry.url}") String registryUrl) {
        Deserializer<DirectoryChanged> deserializer = Topics.DIRECTORY_CHANGES.valueDeserializer(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        return message -> {
            RecordPosition position = new RecordPosition(
                    String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)),
                    ((Number) message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION)).intValue(),
                    ((Number) message.getHeaders().get(KafkaHeaders.OFFSET)).longValue());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (!(message.getPayload() instanceof byte[] bytes) || bytes.length == 0) {
                applier.reject(null, null, "no value (a tombstone): a change is never a deletion", position, now);
                return;
            }
            DirectoryChanged change;
            try {
                change = deserializer.deserialize(position.topic(), bytes);
            } catch (RuntimeException e) {
                if (RawRecord.readFailure(e) instanceof DependencyFailure notTheRecords) {
                    throw notTheRecords; // the record is read again after a back-off
                }
                applier.reject(null, null, "unreadable record: " + Failures.describe(e), position, now);
                return;
            }
            String problem = problem(change);
            if (problem != null) {
                applier.reject(null, null, problem, position, now);
                return;
            }
            try {
                applier.apply(change, position, now);
            } catch (RuntimeException e) {
                if (Failures.isDependency(e)) {
                    throw new DependencyFailure("applying a directory change failed: " + Failures.describe(e));
                }
                // the database refused something of the change's own: kept as rejected, the partition moves on
                applier.reject(change.getChangeId(), change.getKind().name(), "refused: " + Failures.describe(e),
                        position, now);
            }
        };
    }

    /** Why a readable change cannot be applied at all, or null: ids must fit the tables and carry no control character. */
    static String problem(DirectoryChanged change) {
        if (change == null || change.getChangeId() == null || change.getChangeId().isBlank()
                || change.getEffectiveAt() == null) {
            return "no change id or effective time";
        }
        if (change.getChangeId().length() > 200 || Text.hasControlCharacter(change.getChangeId(), false)) {
            return "the change id must be at most 200 characters without control characters";
        }
        if (change.getSource() != null && (change.getSource().length() > 200
                || Text.hasControlCharacter(change.getSource(), false))) {
            return "the source must be at most 200 characters without control characters";
        }
        for (CharSequence id : java.util.Arrays.asList(change.getChildId(), change.getAdultId(),
                change.getOrganisationId(), change.getCaseReference(),
                change.getIdentifier() == null ? null : change.getIdentifier().getValue())) {
            if (id != null && (id.length() > 64 || Text.hasControlCharacter(id, false))) {
                return "ids, case references and identifiers must be at most 64 characters without control characters";
            }
        }
        return null;
    }
}
