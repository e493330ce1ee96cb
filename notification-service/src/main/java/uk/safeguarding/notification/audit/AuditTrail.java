package uk.safeguarding.notification.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.DisclosureAction;
import uk.safeguarding.notification.ledger.AvroRecords;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The disclosure audit table ({@code disclosure_audit}, append-only by trigger): written in batches inside the
 * caller's transaction (the routing batch, the delivery batch, an inbox request), read per child.
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

    /** A recorded disclosure, with the recipient organisation's name and the acting person's, for reading. */
    public record Recorded(DisclosureEvent event, String organisationName, String actorName) {
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

    /**
     * ALERT_DELIVERED for alerts just recorded for their organisations: those in {@code known} from memory, the rest
     * read from the ledger in one query.
     */
    public void recordDelivered(Collection<UUID> alertIds, Map<UUID, AgencyAlert> known, Instant at) {
        if (alertIds.isEmpty()) {
            return;
        }
        List<AgencyAlert> alerts = new ArrayList<>(alertIds.size());
        List<UUID> missing = new ArrayList<>();
        for (UUID id : alertIds) {
            AgencyAlert a = known.get(id);
            if (a != null) {
                alerts.add(a);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            alerts.addAll(jdbc.query("select payload from alert_ledger where alert_id = any (?)",
                    (rs, n) -> AvroRecords.<AgencyAlert>fromBinary(rs.getBytes(1), AgencyAlert.getClassSchema()),
                    (Object) missing.toArray(UUID[]::new)));
        }
        recordAll(alerts.stream().map(a -> DisclosureEvent.alertDelivered(a, at)).toList());
    }

    /**
     * A refused look at an alert of another organisation, recorded in its own transaction (the refusal itself
     * commits nothing). An id that names no alert at all is not recorded: there is nothing about a child in it.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void recordRefused(UUID alertId, String personId, String organisationId, Instant at) {
        alert(alertId).filter(a -> !a.getRecipient().getOrganisationId().equals(organisationId))
                .ifPresent(a -> recordAll(List.of(DisclosureEvent.accessRefused(a, personId, organisationId, at))));
    }

    /** A person read the whole alert through the API. */
    public void recordViewed(UUID alertId, String personId, Instant at) {
        alert(alertId).ifPresent(a -> recordAll(List.of(DisclosureEvent.alertViewed(a, personId, at))));
    }

    /** The alert as it was sent (from the ledger), to record what a person did with it. */
    public Optional<AgencyAlert> alert(UUID alertId) {
        return jdbc.query("select payload from alert_ledger where alert_id = ?",
                (rs, n) -> AvroRecords.<AgencyAlert>fromBinary(rs.getBytes(1), AgencyAlert.getClassSchema()), alertId)
                .stream().findFirst();
    }

    /** Everything disclosed about a child, newest first. */
    public List<Recorded> forChild(String childId, int limit) {
        return jdbc.query("select a.*, o.name as organisation_name, p.display_name as actor_name"
                        + " from disclosure_audit a left join organisation o on o.id = a.organisation_id"
                        + " left join person p on p.id = a.actor"
                        + " where a.child_id = ? order by a.occurred_at desc, a.seq desc limit ?",
                (rs, n) -> new Recorded(event(rs), rs.getString("organisation_name"), rs.getString("actor_name")),
                childId, limit);
    }

    static DisclosureEvent event(ResultSet rs) throws SQLException {
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
