package uk.safeguarding.notification.shared.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Publishes one outbox table to one topic: unpublished rows in order, in batches, one relay at a time across
 * instances (a PostgreSQL advisory lock held by each batch's database transaction), one Kafka transaction per batch on
 * the binder's transactional producer. The database marks the rows published after the Kafka transaction commits, so
 * a failure in between publishes the same events again with the same event id: at least once.
 *
 * @param <E> one row as the relay reads it
 */
public final class OutboxRelay<E> {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The table's side: how to read unpublished rows and mark them, and what each row publishes. */
    public interface Outbox<E> {
        /** At most {@code limit} unpublished rows, oldest first. */
        List<E> unpublished(JdbcTemplate jdbc, int limit);

        String key(E row);

        Object value(E row);

        /** Records these rows (just read by {@link #unpublished}, in that order) as published at {@code at}. */
        void markPublished(JdbcTemplate jdbc, List<E> rows, Timestamp at);
    }

    private final String name;
    private final long lockKey;
    private final String topic;
    private final Outbox<E> outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionalKafka kafka;
    private final Clock clock;
    private final int batchSize;

    public OutboxRelay(String name, long lockKey, String topic, Outbox<E> outbox, JdbcTemplate jdbc,
                       TransactionTemplate transactions, TransactionalKafka kafka, Clock clock, int batchSize) {
        this.name = name;
        this.lockKey = lockKey;
        this.topic = topic;
        this.outbox = outbox;
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
            log.debug("{} published {} events", name, total);
        }
        return total;
    }

    private int relayBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, lockKey);
        if (!Boolean.TRUE.equals(locked)) {
            return 0; // another instance is relaying
        }
        List<E> rows = outbox.unpublished(jdbc, batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        kafka.template().executeInTransaction(t -> {
            for (E row : rows) {
                t.send(topic, outbox.key(row).getBytes(StandardCharsets.UTF_8), outbox.value(row));
            }
            t.flush();
            return null;
        });
        outbox.markPublished(jdbc, rows, Timestamp.from(clock.instant()));
        return rows.size();
    }
}
