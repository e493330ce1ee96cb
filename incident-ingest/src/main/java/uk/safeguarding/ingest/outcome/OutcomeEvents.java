package uk.safeguarding.ingest.outcome;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.UnresolvedReason;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outcome steps ingest keeps ({@code outcome_event}), written once per event id. */
@Component
public class OutcomeEvents {

    static final String ALERT_STATE = "ALERT_STATE";
    static final String CHILD_WAITING = "CHILD_WAITING";

    /** One row: an alert's step (ALERT_STATE) or a child that could not be routed (CHILD_WAITING). */
    public record Row(String eventId, String incidentId, String kind, Integer revision, Integer childIndex,
                      String alertId, String organisationId, String organisationName, AgencyKind recipientKind,
                      DeliveryState state, UnresolvedReason reason, Instant occurredAt, Instant dueBy) {
    }

    private final JdbcTemplate jdbc;

    public OutcomeEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the rows not kept before (by event id) and returns those, in the order given. */
    public List<Row> keepNew(List<Row> rows, Instant receivedAt) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] counts = jdbc.batchUpdate("insert into outcome_event (event_id, incident_id, kind, revision, child_index,"
                        + " alert_id, organisation_id, organisation_name, recipient_kind, state, reason, occurred_at,"
                        + " due_by, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (event_id) do nothing",
                rows.stream().map(r -> new Object[]{r.eventId(), r.incidentId(), r.kind(), r.revision(), r.childIndex(),
                        r.alertId(), r.organisationId(), r.organisationName(), name(r.recipientKind()), name(r.state()),
                        name(r.reason()), Timestamp.from(r.occurredAt()), timestamp(r.dueBy()),
                        Timestamp.from(receivedAt)}).toList());
        List<Row> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] > 0) {
                kept.add(rows.get(i));
            }
        }
        return kept;
    }

    /** The submitting force of each incident ingest accepted, of these ids. */
    public Map<String, String> forces(Collection<String> incidentIds) {
        Map<String, String> forces = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return forces;
        }
        jdbc.query("select incident_id, force_code from incident where incident_id = any (?) and latest_revision > 0",
                rs -> {
                    forces.put(rs.getString(1), rs.getString(2));
                }, (Object) incidentIds.toArray(String[]::new));
        return forces;
    }

    public List<OutcomeRules.AlertStep> steps(String incidentId) {
        return jdbc.query("select * from outcome_event where incident_id = ? and kind = ? order by occurred_at",
                (rs, n) -> new OutcomeRules.AlertStep(rs.getString("event_id"), rs.getString("alert_id"),
                        integer(rs, "revision"), integer(rs, "child_index"), rs.getString("organisation_id"),
                        rs.getString("organisation_name"), enumOf(AgencyKind.class, rs.getString("recipient_kind")),
                        enumOf(DeliveryState.class, rs.getString("state")), instant(rs, "occurred_at"),
                        instant(rs, "due_by")), incidentId, ALERT_STATE);
    }

    public List<OutcomeRules.UnresolvedChild> unresolved(String incidentId) {
        return jdbc.query("select * from outcome_event where incident_id = ? and kind = ? order by occurred_at",
                (rs, n) -> new OutcomeRules.UnresolvedChild(rs.getInt("revision"), rs.getInt("child_index"),
                        enumOf(UnresolvedReason.class, rs.getString("reason")), instant(rs, "occurred_at")),
                incidentId, CHILD_WAITING);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A value written by a newer writer than this reader knows reads as UNKNOWN. */
    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return Enum.valueOf(type, "UNKNOWN");
        }
    }
}
