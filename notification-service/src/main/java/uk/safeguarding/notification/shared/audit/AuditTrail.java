package uk.safeguarding.notification.shared.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.DisclosureAction;
import uk.safeguarding.notification.shared.kafka.AvroRecords;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The disclosure audit table ({@code disclosure_audit}, append-only by trigger): written in batches inside the
 * caller's transaction (the routing batch, the delivery batch, an inbox request); read per child by routing's
 * audit pages.
 */
@Component
public class AuditTrail {

    private static final String INSERT = "insert into disclosure_audit (event_id, action, occurred_at, actor,"
            + " organisation_id, child_id, incident_id, alert_id, fields, policy_version, lawful_basis)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?) on conflict do nothing";

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records events in one batch; an event already recorded (same id) is left as it is. */
    public void recordAll(List<DisclosureEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (DisclosureEvent e : events) {
            rows.add(new Object[]{e.eventId(), e.action().name(), Timestamp.from(e.occurredAt()), e.actor(),
                    e.organisationId(), e.childId(), e.incidentId(), e.alertId(), textArray(e.fields()),
                    e.policyVersion(), e.lawfulBasis()});
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    /** Alert events for alerts routed in this routing batch: ALERT_SENT each, DIRECTORY_MATCH each child found. */
    public void recordRouted(List<AgencyAlert> alerts, Instant at) {
        if (alerts.isEmpty()) {
            return;
        }
        List<DisclosureEvent> events = new ArrayList<>(alerts.size() * 2);
        events.addAll(DisclosureEvent.directoryMatches(alerts, at));
        alerts.forEach(a -> events.add(DisclosureEvent.alertSent(a, at)));
        recordAll(events);
    }

    /** ALERT_DELIVERED for alerts just recorded for their organisations. */
    public void recordDelivered(Collection<AgencyAlert> alerts, Instant at) {
        recordAll(alerts.stream().map(a -> DisclosureEvent.alertDelivered(a, at)).toList());
    }

    /** A disclosure_audit row as its event. */
    public static DisclosureEvent event(ResultSet rs) throws SQLException {
        Array fields = rs.getArray("fields");
        return new DisclosureEvent((UUID) rs.getObject("event_id"), action(rs.getString("action")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("organisation_id"),
                rs.getString("child_id"), rs.getString("incident_id"), (UUID) rs.getObject("alert_id"),
                fields == null ? List.of() : Arrays.asList((String[]) fields.getArray()),
                rs.getString("policy_version"), rs.getString("lawful_basis"));
    }

    private static DisclosureAction action(String name) {
        try {
            return DisclosureAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            return DisclosureAction.UNKNOWN;
        }
    }

    /** A PostgreSQL text[] literal (the names are plain identifiers; quoted anyway). */
    private static String textArray(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }
}
