package uk.safeguarding.notification.shared.consumers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.platform.failure.SafeMessage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records an operator asked to skip: the way out of a record that stops its partition for a reason nobody foresaw,
 * without stopping the service or resetting offsets. The consumer dead-letters a requested record when it next meets
 * it (the failing batch is read again within the back-off), so the skip is a dead letter like any other, replayable
 * after a fix. The row is the audit: who asked, when, why, and when it was skipped.
 */
@Component
public class RecordSkips {

    /** Why a skipped record is on the dead-letter topic. */
    public static final class Skipped extends RuntimeException implements SafeMessage {
        public Skipped(String reason) {
            super("skipped by an operator: " + reason, null, false, false);
        }
    }

    public record Request(String topic, int partition, long offset, String requestedBy, String reason,
                          Instant requestedAt, Instant skippedAt) {
    }

    private final JdbcTemplate jdbc;

    public RecordSkips(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for the record to be skipped; false if it was asked already. */
    public boolean request(RecordPosition position, String requestedBy, String reason, Instant now) {
        return jdbc.update("insert into record_skip (source_topic, source_partition, source_offset, requested_by,"
                        + " reason, requested_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing", position.topic(),
                position.partition(), position.offset(), requestedBy, reason, Timestamp.from(now)) == 1;
    }

    /** Of these positions, those an operator asked to skip, with the reason (one query for a batch). */
    public java.util.Map<RecordPosition, String> requested(Collection<RecordPosition> positions) {
        if (positions.isEmpty()) {
            return java.util.Map.of();
        }
        Set<String> topics = new HashSet<>();
        positions.forEach(p -> topics.add(p.topic()));
        long min = positions.stream().mapToLong(RecordPosition::offset).min().orElse(0);
        long max = positions.stream().mapToLong(RecordPosition::offset).max().orElse(0);
        java.util.Map<RecordPosition, String> found = new java.util.HashMap<>();
        jdbc.query("select source_topic, source_partition, source_offset, reason from record_skip"
                        + " where source_topic = any (?) and source_offset between ? and ?",
                rs -> {
                    RecordPosition p = new RecordPosition(rs.getString(1), rs.getInt(2), rs.getLong(3));
                    if (positions.contains(p)) {
                        found.put(p, rs.getString(4));
                    }
                }, topics.toArray(new String[0]), min, max);
        return found;
    }

    /** Marks these as done (when their dead letters were published with the batch). */
    public void markSkipped(Collection<RecordPosition> positions, Instant now) {
        for (RecordPosition p : positions) {
            jdbc.update("update record_skip set skipped_at = coalesce(skipped_at, ?) where source_topic = ?"
                    + " and source_partition = ? and source_offset = ?", Timestamp.from(now), p.topic(),
                    p.partition(), p.offset());
        }
    }

    public List<Request> list(int limit) {
        return jdbc.query("select source_topic, source_partition, source_offset, requested_by, reason, requested_at,"
                        + " skipped_at from record_skip order by requested_at desc limit ?",
                (rs, n) -> new Request(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), limit);
    }
}
