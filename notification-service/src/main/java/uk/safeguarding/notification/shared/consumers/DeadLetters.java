package uk.safeguarding.notification.shared.consumers;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.schemas.contract.IncidentContract;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dead letters: the record as it was read (key and bytes), with why in headers (Spring Kafka's header names without
 * the reserved {@code kafka_} prefix, values UTF-8 text, never a value from the record). A record too large to travel
 * on the dead-letter topic is kept whole in PostgreSQL ({@code dead_letter_payload}) and its dead letter carries the
 * header {@value #PAYLOAD_STORED} instead of the bytes, so a dead letter never fails for its size.
 */
@Component
public class DeadLetters {

    public static final String EXCEPTION_FQCN = "dlt-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "dlt-exception-message";
    public static final String EXCEPTION_CAUSE_FQCN = "dlt-exception-cause-fqcn";
    public static final String ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "dlt-original-offset";
    /** Present when the bytes were kept in PostgreSQL instead: the table, keyed by the original position. */
    public static final String PAYLOAD_STORED = "dlt-payload-stored";
    public static final String ORIGINAL_SIZE = "dlt-original-size";
    /** Values up to this size travel on the dead-letter topic; larger ones are kept in the database. */
    public static final int INLINE_MAX_BYTES = IncidentContract.MAX_RECORD_BYTES;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    private final MeterRegistry meters;

    public DeadLetters(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A dead letter to publish: the original key and bytes (or none, when stored), the headers. */
    public record DeadLetter(byte[] key, byte[] value, Map<String, byte[]> headers) {
    }

    /** The dead letter of a record at {@code position} that failed with {@code cause}. */
    public DeadLetter of(RecordPosition position, byte[] key, byte[] value, Throwable cause) {
        String why = Failures.describe(cause);
        // by the original topic and the cause's type (a class name: never a value from the record)
        meters.counter("notification.dead.letters", "topic", position.topic(), "cause", cause.getClass().getSimpleName())
                .increment();
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(EXCEPTION_FQCN, utf8(cause.getClass().getName()));
        headers.put(EXCEPTION_MESSAGE, utf8(why));
        if (cause.getCause() != null) {
            headers.put(EXCEPTION_CAUSE_FQCN, utf8(cause.getCause().getClass().getName()));
        }
        headers.put(ORIGINAL_TOPIC, utf8(position.topic()));
        headers.put(ORIGINAL_PARTITION, utf8(Integer.toString(position.partition())));
        headers.put(ORIGINAL_OFFSET, utf8(Long.toString(position.offset())));
        byte[] inline = value == null ? new byte[0] : value;
        if (inline.length > INLINE_MAX_BYTES || (key != null && key.length > INLINE_MAX_BYTES)) {
            store(position, key, value, why);
            headers.put(PAYLOAD_STORED, utf8("dead_letter_payload"));
            headers.put(ORIGINAL_SIZE, utf8(Integer.toString(inline.length)));
            return new DeadLetter(null, new byte[0], headers);
        }
        return new DeadLetter(key, inline, headers);
    }

    /** Kept at once in its own transaction: the Kafka transaction may abort, and the record is read again. */
    private void store(RecordPosition position, byte[] key, byte[] value, String why) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("insert into dead_letter_payload (source_topic,"
                        + " source_partition, source_offset, record_key, record_value, cause, stored_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", position.topic(), position.partition(),
                position.offset(), key, value, why, Timestamp.from(clock.instant())));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
