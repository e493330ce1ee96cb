package uk.safeguarding.notification.routing.unresolved;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.shared.kafka.AvroRecords;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unresolved_child table: children of an incident the platform could not route, with the reason, what the
 * matcher found, and (once a person resolves one) which directory child it is. With each, the incident revision it
 * came from (unresolved_incident), to route it later.
 */
@Component
public class UnresolvedChildren {

    private static final String COLUMNS = "incident_id, revision, child_index, force_code, police_reference, given_name,"
            + " family_name, date_of_birth, reason, detail, detected_at, best_score, match_reasons, postcode";

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
            .setBestScore((Integer) rs.getObject("best_score"))
            .setMatchReasons(reasons(rs.getString("match_reasons")))
            .setPostcode(rs.getString("postcode"))
            .build();

    private final JdbcTemplate jdbc;

    public UnresolvedChildren(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An unresolved child to record, the incident record it came from and the incident itself (kept to route it). */
    public record Entry(ChildUnresolved child, RecordPosition source, IncidentReported incident) {
        public Entry(ChildUnresolved child, RecordPosition source) {
            this(child, source, null);
        }
    }

    /** Whether a row is still on the working list. */
    public enum Status { OPEN, RESOLVED }

    /** How a row was resolved: a child already in the directory, or one created for it. */
    public enum Resolution { EXISTING_CHILD, NEW_CHILD }

    /** A row as the working list reads it. */
    public record Row(long id, ChildUnresolved child, Instant receivedAt, Status status, Resolution resolution,
                      String resolvedChildId, String resolvedBy, Instant resolvedAt) {
    }

    public void insertAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        Map<String, Object[]> incidents = new LinkedHashMap<>();
        for (Entry e : entries) {
            ChildUnresolved c = e.child();
            // deadlines run from when the incident was received, as the router computes it
            Instant receivedAt = e.incident() == null ? c.getDetectedAt()
                    : Deadlines.receivedAt(e.incident().getReportedAt(), c.getDetectedAt());
            rows.add(new Object[]{c.getIncidentId(), c.getIncidentRevision(), c.getChildIndex(), c.getForceCode(),
                    c.getPoliceReference(), c.getGivenName(), c.getFamilyName(),
                    c.getDateOfBirth() == null ? null : Date.valueOf(c.getDateOfBirth()), c.getReason().name(),
                    c.getDetail(), Timestamp.from(c.getDetectedAt()), c.getBestScore(),
                    String.join("\n", c.getMatchReasons()), c.getPostcode(), Timestamp.from(receivedAt),
                    e.source().topic(), e.source().partition(), e.source().offset()});
            if (e.incident() != null) {
                incidents.putIfAbsent(c.getIncidentId() + "#" + c.getIncidentRevision(), new Object[]{
                        c.getIncidentId(), c.getIncidentRevision(), AvroRecords.toBinary(e.incident())});
            }
        }
        jdbc.batchUpdate("insert into unresolved_child (" + COLUMNS + ", received_at, source_topic, source_partition,"
                + " source_offset) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                rows);
        jdbc.batchUpdate("insert into unresolved_incident (incident_id, revision, payload) values (?, ?, ?)"
                + " on conflict do nothing", new ArrayList<>(incidents.values()));
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

    /** Newest first, optionally for one incident or one reason (every status). */
    public List<UnresolvedChildView> list(String incidentId, UnresolvedReason reason, int limit) {
        return rows(null, incidentId, reason, limit).stream().map(r -> UnresolvedChildView.of(r, null)).toList();
    }

    /**
     * The working list: with {@code status} OPEN the oldest received first (the most urgent), RESOLVED the most
     * recently resolved first, null every row newest first; optionally for one incident or reason.
     */
    public List<Row> rows(Status status, String incidentId, UnresolvedReason reason, int limit) {
        StringBuilder sql = new StringBuilder("select * from unresolved_child where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (incidentId != null) {
            sql.append(" and incident_id = ?");
            args.add(incidentId);
        }
        if (reason != null) {
            sql.append(" and reason = ?");
            args.add(reason.name());
        }
        sql.append(status == Status.OPEN ? " order by received_at, id"
                : status == Status.RESOLVED ? " order by resolved_at desc, id desc"
                : " order by detected_at desc, id desc");
        sql.append(" limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray());
    }

    public Optional<Row> find(long id) {
        return jdbc.query("select * from unresolved_child where id = ?", (rs, n) -> row(rs), id).stream().findFirst();
    }

    /** The row, locked for the caller's transaction (one resolution at a time). */
    public Optional<Row> lock(long id) {
        return jdbc.query("select * from unresolved_child where id = ? for update", (rs, n) -> row(rs), id)
                .stream().findFirst();
    }

    /** The incident revision the row came from, as received; empty for rows recorded before it was kept. */
    public Optional<IncidentReported> incident(String incidentId, int revision) {
        return jdbc.query("select payload from unresolved_incident where incident_id = ? and revision = ?",
                        (rs, n) -> AvroRecords.fromBinary(rs.getBytes(1), IncidentReported.getClassSchema()),
                        incidentId, revision)
                .stream().map(IncidentReported.class::cast).findFirst();
    }

    /** Marks an open row resolved; false when it was not open. */
    public boolean markResolved(long id, Resolution resolution, String childId, String by, Instant at) {
        return jdbc.update("update unresolved_child set status = 'RESOLVED', resolution = ?, resolved_child_id = ?,"
                        + " resolved_by = ?, resolved_at = ? where id = ? and status = 'OPEN'",
                resolution.name(), childId, by, Timestamp.from(at), id) == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        String resolution = rs.getString("resolution");
        return new Row(rs.getLong("id"), RECORD.mapRow(rs, 0), rs.getTimestamp("received_at").toInstant(),
                Status.valueOf(rs.getString("status")), resolution == null ? null : Resolution.valueOf(resolution),
                rs.getString("resolved_child_id"), rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }

    private static List<String> reasons(String joined) {
        return joined == null || joined.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(joined.split("\n")));
    }
}
