package uk.safeguarding.notification.shared.operations;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.notification.shared.consumers.RecordSkipController;
import uk.safeguarding.platform.failure.Failures;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An operator publishes a dead letter again on its original topic, after the fault that sent it there was fixed.
 *
 * <p>At most once per dead letter: the replay's row ({@code dead_letter_replay}, keyed by the dead letter's position)
 * is inserted, the record published and acknowledged, and the row completed, all in one database transaction. Two
 * requests at once meet the key: one publishes, the other waits for it and then sends nothing. If publishing fails
 * the transaction rolls back and the dead letter can be replayed again. Should the database fail to commit after the
 * broker took the record, the record is out once and a later replay would send it twice: the consumers' own
 * idempotence covers that (routing sends nothing for an incident revision already routed from another offset;
 * delivery records an alert id once; directory changes are applied idempotently).
 *
 * <p>The row is the audit: who, when, which dead letter, where it went. The replayed record carries the header
 * {@value #REPLAYED_FROM} with the dead letter's position, so it can be told apart on the topic.
 */
public class DeadLetterReplays {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplays.class);

    /** Header of a replayed record: the dead letter it came from ("alerts.dlt-0@12"). */
    public static final String REPLAYED_FROM = "dlt-replayed-from";

    /** The outcome of a replay request. */
    public record Outcome(ReplayCheck.Verdict verdict, DeadLetterView letter, DeadLetterView.Replay replay) {

        public boolean replayedNow() {
            return verdict == ReplayCheck.Verdict.REPLAY;
        }
    }

    private final DeadLetterShelf shelf;
    private final OperationsKafka kafka;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DeadLetterReplays(DeadLetterShelf shelf, OperationsKafka kafka, JdbcTemplate jdbc,
                             TransactionTemplate transaction, Clock clock) {
        this.shelf = shelf;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Replays the dead letter at this position of a dead-letter topic, as {@code operator} (a person id). */
    public Outcome replay(String dltTopic, int partition, long offset, String operator) {
        Optional<DeadLetterShelf.Letter> found = shelf.find(dltTopic, partition, offset);
        if (found.isEmpty() || found.get().view().originalTopic() == null) {
            return new Outcome(ReplayCheck.Verdict.NOT_FOUND, found.map(DeadLetterShelf.Letter::view).orElse(null),
                    null);
        }
        DeadLetterShelf.Letter letter = found.get();
        DeadLetterView view = letter.view();
        Outcome outcome = transaction.execute(tx -> {
            Instant now = clock.instant();
            byte[][] payload = payload(letter);
            // the key decides, under concurrency too: a second insert waits for the first transaction, then finds it
            boolean fresh = jdbc.update("insert into dead_letter_replay (dlt_topic, dlt_partition, dlt_offset,"
                            + " source_topic, source_partition, source_offset, replayed_by, replayed_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", view.topic(), view.partition(),
                    view.offset(), view.originalTopic(), orZero(view.originalPartition()), orZero(view.originalOffset()),
                    operator, Timestamp.from(now)) == 1;
            ReplayCheck.Verdict verdict = ReplayCheck.of(view.originalTopic(), payload != null, !fresh,
                    RecordSkipController.CONSUMED);
            if (verdict != ReplayCheck.Verdict.REPLAY) {
                if (fresh) {
                    tx.setRollbackOnly(); // nothing replayed: no row
                }
                return new Outcome(verdict, view, fresh ? null : replayOf(view).orElse(null));
            }
            RecordMetadata at = publish(view, payload[0], payload[1]);
            jdbc.update("update dead_letter_replay set replayed_partition = ?, replayed_offset = ? where dlt_topic = ?"
                    + " and dlt_partition = ? and dlt_offset = ?", at.partition(), at.offset(), view.topic(),
                    view.partition(), view.offset());
            return new Outcome(verdict, view, new DeadLetterView.Replay(operator, now, at.partition(), at.offset()));
        });
        if (outcome != null && outcome.replayedNow()) {
            log.warn("Operator {} replayed the dead letter at {} onto {} (partition {}, offset {})", operator,
                    view.position(), view.originalTopic(), outcome.replay().partition(), outcome.replay().offset());
        } else if (outcome != null) {
            log.info("Operator {} asked to replay the dead letter at {}: {}", operator, view.position(),
                    outcome.verdict());
        }
        return outcome;
    }

    /** Of these dead letters, the replays: by "topic|partition|offset". */
    public Map<String, DeadLetterView.Replay> replaysOf(Collection<DeadLetterView> letters) {
        Map<String, DeadLetterView.Replay> found = new HashMap<>();
        if (letters.isEmpty()) {
            return found;
        }
        List<String> topics = letters.stream().map(DeadLetterView::topic).distinct().toList();
        long min = letters.stream().mapToLong(DeadLetterView::offset).min().orElse(0);
        long max = letters.stream().mapToLong(DeadLetterView::offset).max().orElse(0);
        jdbc.query("select dlt_topic, dlt_partition, dlt_offset, replayed_by, replayed_at, replayed_partition,"
                        + " replayed_offset from dead_letter_replay where dlt_topic = any (?) and dlt_offset between ? and ?",
                rs -> {
                    found.put(key(rs.getString(1), rs.getInt(2), rs.getLong(3)), new DeadLetterView.Replay(
                            rs.getString(4), rs.getTimestamp(5).toInstant(), (Integer) rs.getObject(6),
                            (Long) rs.getObject(7)));
                }, topics.toArray(new String[0]), min, max);
        return found;
    }

    static String key(String topic, int partition, long offset) {
        return topic + "|" + partition + "|" + offset;
    }

    private Optional<DeadLetterView.Replay> replayOf(DeadLetterView view) {
        return Optional.ofNullable(replaysOf(List.of(view)).get(key(view.topic(), view.partition(), view.offset())));
    }

    /** Key and value to publish: from the topic, or kept in the database when too large for it; null when neither. */
    private byte[][] payload(DeadLetterShelf.Letter letter) {
        DeadLetterView view = letter.view();
        if (!view.payloadStored()) {
            return letter.value() == null || letter.value().length == 0 ? null
                    : new byte[][]{letter.key(), letter.value()};
        }
        List<byte[][]> kept = jdbc.query("select record_key, record_value from dead_letter_payload where source_topic = ?"
                        + " and source_partition = ? and source_offset = ?",
                (rs, n) -> new byte[][]{rs.getBytes(1), rs.getBytes(2)}, view.originalTopic(),
                orZero(view.originalPartition()), orZero(view.originalOffset()));
        return kept.isEmpty() || kept.get(0)[1] == null || kept.get(0)[1].length == 0 ? null : kept.get(0);
    }

    private RecordMetadata publish(DeadLetterView view, byte[] key, byte[] value) {
        // no partition given: the original key picks the partition it came from (the same partitioner)
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(view.originalTopic(), key, value);
        record.headers().add(REPLAYED_FROM, (view.topic() + "-" + view.partition() + "@" + view.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + view.position(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the replay of " + view.position() + ": "
                    + Failures.describe(e), e);
        }
    }

    private static long orZero(Number n) {
        return n == null ? 0 : n.longValue();
    }
}
