package uk.safeguarding.notification.routing.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.notification.routing.matching.BlockingKeys;
import uk.safeguarding.notification.routing.matching.ChildDetails;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps {@code child_blocking_key} in step with the child table: the {@link BlockingKeys} of each directory child
 * (identifiers are looked up in {@code child_identifier}, so they are not repeated here). {@link #rekey} runs inside
 * every directory write; {@link #catchUp} finds children written any other way (or before the keys existed) by
 * {@code keys_updated_at <> updated_at}, through a partial index, so it costs nothing when all is current.
 */
@Component
public class ChildBlockingKeyIndex {

    private static final Logger log = LoggerFactory.getLogger(ChildBlockingKeyIndex.class);

    private final JdbcTemplate jdbc;

    public ChildBlockingKeyIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String id, ChildDetails details, Timestamp updatedAt) {
    }

    /** Recomputes the keys of these children (in the caller's transaction, if any). */
    public void rekey(Collection<String> childIds) {
        if (childIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(childIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            rekeyChunk(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
    }

    private void rekeyChunk(List<String> ids) {
        List<Row> rows = jdbc.query("select id, given_name, family_name, date_of_birth, postcode, updated_at"
                        + " from child where id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())),
                (rs, n) -> new Row(rs.getString(1), ChildDetails.of(rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)), rs.getTimestamp(6)));
        jdbc.update("delete from child_blocking_key where child_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())));
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> stamps = new ArrayList<>();
        for (Row r : rows) {
            for (BlockingKeys.Key k : BlockingKeys.forDirectoryChild(r.details())) {
                keys.add(new Object[]{k.toString(), r.id()});
            }
            stamps.add(new Object[]{r.updatedAt(), r.id(), r.updatedAt()});
        }
        jdbc.batchUpdate("insert into child_blocking_key (key, child_id) values (?, ?) on conflict do nothing", keys);
        // only if the child was not changed meanwhile: otherwise the catch-up keys it again
        jdbc.batchUpdate("update child set keys_updated_at = ? where id = ? and updated_at = ?", stamps);
    }

    /** Keys up to {@code limit} children whose keys are missing or stale; returns how many. */
    @Transactional
    public int catchUp(int limit) {
        List<String> stale = jdbc.queryForList("select id from child where keys_updated_at is distinct from updated_at"
                + " limit ? for update skip locked", String.class, limit);
        rekey(stale);
        if (!stale.isEmpty()) {
            log.info("Blocking keys computed for {} directory children written outside the directory service",
                    stale.size());
        }
        return stale.size();
    }
}
