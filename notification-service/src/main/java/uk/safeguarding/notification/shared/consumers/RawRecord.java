package uk.safeguarding.notification.shared.consumers;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.platform.failure.DependencyFailure;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.serde.RegistryException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a batch the binder hands over undecoded (every consumer reads bytes, so that a record that cannot be
 * read is dead-lettered, not retried for ever): where it was read, its key and its value bytes (null: a tombstone,
 * which arrives as KafkaNull, not bytes).
 */
public record RawRecord(RecordPosition position, byte[] key, byte[] value) {

    /** The batch's records, in order, with their positions from the batch's headers. */
    public static List<RawRecord> of(Message<List<?>> batch) {
        List<?> values = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<RawRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            RecordPosition position = new RecordPosition(
                    topics.size() > i ? String.valueOf(topics.get(i)) : "unknown",
                    partitions.size() > i ? ((Number) partitions.get(i)).intValue() : -1,
                    offsets.size() > i ? ((Number) offsets.get(i)).longValue() : -1);
            records.add(new RawRecord(position, keyBytes(keys.size() > i ? keys.get(i) : null),
                    values.get(i) instanceof byte[] b ? b : null));
        }
        return records;
    }

    /** No value, or an empty one: a deletion marker, never an incident, alert or change. */
    public boolean tombstone() {
        return value == null || value.length == 0;
    }

    /**
     * Thrown for a record that could not be decoded: a {@link DependencyFailure} when the schema registry could not be
     * reached or failed (5xx), so the batch is read again after a back-off rather than good records dead-lettered;
     * otherwise the cause itself, the record's fault.
     */
    public static RuntimeException readFailure(RuntimeException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RegistryException r && (r.status() < 0 || r.status() >= 500)) {
                return new DependencyFailure("the schema registry is unavailable: " + Failures.describe(cause));
            }
        }
        return cause;
    }

    private static List<?> list(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        return value instanceof List<?> l ? l : List.of();
    }

    private static byte[] keyBytes(Object key) {
        if (key == null || !(key instanceof byte[] || key instanceof CharSequence)) {
            return null;
        }
        return key instanceof byte[] b ? b : key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
