package uk.safeguarding.notification.unresolved;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.routing.RecordPosition;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The unresolved_child table: children of an incident the platform could not route, with the reason. */
@Component
public class UnresolvedChildren {

    private static final String COLUMNS = "incident_id, revision, child_index, force_code, police_reference, given_name,"
            + " family_name, date_of_birth, reason, detail, detected_at";

    private static final RowMapper<ChildUnresolved> RECORD = (rs, n) -> ChildUnresolved.newBuilder()
            .setIncidentId(rs.getString("incident_id"))
            .setIncidentRevision(rs.getInt("revision"))
            .setChildIndex(rs.getInt("child_index"))
            .setForceCode(rs.getString("force_code"))
            .setPoliceReference(rs.getString("police_reference"))
            .setGivenName(rs.getString("given_name"))
            .setFamilyName(rs.getString("family_name"))
            .setDateOfBirth(rs.getObject("date_of_birth", LocalDate.class))
            .setReason(UnresolvedReason.valueOf(rs.getString("reason")))
            .setDetail(rs.getString("detail"))
            .setDetectedAt(rs.getTimestamp("detected_at").toInstant())
            .build();

    private final JdbcTemplate jdbc;

    public UnresolvedChildren(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(ChildUnresolved child, RecordPosition source) {
    }

    public void insertAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ChildUnresolved c = e.child();
            rows.add(new Object[]{c.getIncidentId(), c.getIncidentRevision(), c.getChildIndex(), c.getForceCode(),
                    c.getPoliceReference(), c.getGivenName(), c.getFamilyName(),
                    c.getDateOfBirth() == null ? null : Date.valueOf(c.getDateOfBirth()), c.getReason().name(),
                    c.getDetail(), Timestamp.from(c.getDetectedAt()), e.source().topic(), e.source().partition(),
                    e.source().offset()});
        }
        jdbc.batchUpdate("insert into unresolved_child (" + COLUMNS + ", source_topic, source_partition, source_offset)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /** The unresolved children recorded from these incident records, to re-send after an aborted Kafka transaction. */
    public List<ChildUnresolved> findBySources(Collection<RecordPosition> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select u.* from unresolved_child u"
                        + " join unnest(?::text[], ?::int[], ?::bigint[]) as s(t, p, o)"
                        + " on u.source_topic = s.t and u.source_partition = s.p and u.source_offset = s.o"
                        + " order by u.source_partition, u.source_offset, u.child_index",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", sources.stream().map(RecordPosition::topic).toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("int4", sources.stream().map(RecordPosition::partition).toArray()));
                    ps.setArray(3, ps.getConnection().createArrayOf("int8", sources.stream().map(RecordPosition::offset).toArray()));
                }, RECORD);
    }

    /** Newest first, optionally for one incident or one reason. */
    public List<UnresolvedChildView> list(String incidentId, UnresolvedReason reason, int limit) {
        StringBuilder sql = new StringBuilder("select id, " + COLUMNS + " from unresolved_child where true");
        List<Object> args = new ArrayList<>();
        if (incidentId != null) {
            sql.append(" and incident_id = ?");
            args.add(incidentId);
        }
        if (reason != null) {
            sql.append(" and reason = ?");
            args.add(reason.name());
        }
        sql.append(" order by detected_at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new UnresolvedChildView(rs.getLong("id"), RECORD.mapRow(rs, n)),
                args.toArray());
    }
}
