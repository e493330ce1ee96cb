package uk.safeguarding.faults;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;

/** notification-service's ledger ({@code alert_ledger}), read straight from its database. */
final class Ledger {

    /** A ledger row, with the incident record it was routed from, for evidence. */
    record Row(Households.AlertKey key, String alertId, int sourcePartition, long sourceOffset, String routedAt) {
    }

    private final JdbcTemplate db;

    Ledger(JdbcTemplate db) {
        this.db = db;
    }

    /** Ledger rows of these incidents. */
    int count(Collection<String> incidentIds) {
        return db.query("select count(*) from alert_ledger where incident_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", incidentIds.toArray())),
                rs -> {
                    rs.next();
                    return rs.getInt(1);
                });
    }

    List<Row> rows(Collection<String> incidentIds) {
        return db.query("select incident_id, revision, child_id, recipient_org_id, alert_id, source_partition,"
                        + " source_offset, routed_at from alert_ledger where incident_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", incidentIds.toArray())),
                (rs, i) -> new Row(new Households.AlertKey(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getString(8)));
    }

    /** The next offset after the last incident record ledgered, per incidents partition. */
    java.util.Map<Integer, Long> nextOffsetAfterLedgered() {
        java.util.Map<Integer, Long> next = new java.util.HashMap<>();
        db.query("select source_partition, max(source_offset) + 1 from alert_ledger group by source_partition",
                rs -> {
                    next.put(rs.getInt(1), rs.getLong(2));
                });
        return next;
    }

    /** (incident, revision, child, recipient) held more than once, as the database counts them. */
    List<String> duplicates(Collection<String> incidentIds) {
        return db.query("select incident_id, revision, child_id, recipient_org_id, count(*) from alert_ledger"
                        + " where incident_id = any(?) group by incident_id, revision, child_id, recipient_org_id"
                        + " having count(*) > 1",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", incidentIds.toArray())),
                (rs, i) -> rs.getString(1) + " r" + rs.getInt(2) + " " + rs.getString(3) + " -> " + rs.getString(4)
                        + ": " + rs.getInt(5) + " rows");
    }
}
