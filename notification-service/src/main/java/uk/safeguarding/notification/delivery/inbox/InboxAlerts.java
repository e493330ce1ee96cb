package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.shared.web.InboxTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.delivery.dispatch.RecipientAction;
import uk.safeguarding.notification.delivery.dispatch.DeliveredAlerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads an organisation's alerts for the inbox: {@code delivery} (where each alert stands) joined with
 * {@code delivered_alert} (what it says) on the alert id. Every query is bound to one organisation, so an alert addressed
 * to another organisation is simply not found.
 */
@Component
public class InboxAlerts {

    /** The most the list shows at once: unopened and most urgent first, so nothing pressing falls off. */
    static final int LIST_LIMIT = 200;

    private static final String SELECT = "select d.alert_id, d.state, d.due_by,"
            + " d.opened_at, d.actioned_at, d.action, d.action_note, d.opened_by, d.actioned_by,"
            + " po.display_name as opened_by_name, pa.display_name as actioned_by_name,"
            + " l.routed_at, l.revision, l.payload"
            + " from delivery d join delivered_alert l on l.alert_id = d.alert_id"
            + " left join person po on po.id = d.opened_by"
            + " left join person pa on pa.id = d.actioned_by";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public InboxAlerts(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One line of the inbox list. */
    public record Summary(UUID alertId, String childName, String policeReference, String forceCode, int revision,
                          Instant receivedAt, Instant dueBy, DeliveryState state) {
        public InboxStatus status(Instant now) {
            return InboxStatus.of(state, dueBy, now);
        }
    }

    /** One disclosed fact, as a label and its value. */
    public record Fact(String label, String value) {
    }

    /** An alert as its page shows it. */
    public record Detail(UUID alertId, String recipientName, String childName, LocalDate childDateOfBirth,
                         String policeReference, String forceCode, int revision, Instant receivedAt, Instant dueBy,
                         DeliveryState state, List<Fact> incident, String voiceOfChild, List<Fact> officer,
                         Instant openedAt, String openedBy, String openedByName, Instant actionedAt,
                         String actionedBy, String actionedByName, RecipientAction action, String actionNote,
                         String updateNotice, String familyHistory, String concern, boolean checkChild) {
        public InboxStatus status(Instant now) {
            return InboxStatus.of(state, dueBy, now);
        }

        public boolean opened() {
            return openedAt != null;
        }

        public boolean actioned() {
            return action != null;
        }
    }

    public List<Summary> list(String organisationId) {
        return jdbc.query(SELECT + " where d.organisation_id = ? and l.organisation_id = ? and l.purged_at is null"
                        + " order by (d.opened_at is null) desc, d.due_by asc nulls last, l.routed_at desc, d.alert_id"
                        + " limit " + LIST_LIMIT,
                (rs, n) -> {
                    JsonNode c = read(DeliveredAlerts.json(rs.getBytes("payload")));
                    return new Summary((UUID) rs.getObject("alert_id"), childName(c), text(c, "policeReference"),
                            text(c, "forceCode"), rs.getInt("revision"), instant(rs, "routed_at"), dueBy(rs, c),
                            state(rs.getString("state")));
                }, organisationId, organisationId);
    }

    /**
     * What the alerts API narrows a list to: one police reference (any case, spaces around ignored) and one child (its
     * directory id, or a name: all of it or a part, compared as matching compares names). Null: not narrowed.
     */
    public record Filter(String policeReference, String child) {

        public static final Filter NONE = new Filter(null, null);

        public Filter {
            policeReference = policeReference == null || policeReference.isBlank() ? null : policeReference.strip();
            child = child == null || child.isBlank() ? null : child.strip();
        }
    }

    /** A page of the organisation's alerts, newest first (for the API; the inbox list orders by urgency). */
    public List<Summary> newestFirst(String organisationId, int page, int size) {
        return newestFirst(organisationId, Filter.NONE, page, size);
    }

    /** A page of the organisation's alerts the filter keeps, newest first. */
    public List<Summary> newestFirst(String organisationId, Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(organisationId, filter, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(SELECT + where + " order by l.routed_at desc, d.alert_id limit ? offset ?",
                (rs, n) -> {
                    JsonNode c = read(DeliveredAlerts.json(rs.getBytes("payload")));
                    return new Summary((UUID) rs.getObject("alert_id"), childName(c), text(c, "policeReference"),
                            text(c, "forceCode"), rs.getInt("revision"), instant(rs, "routed_at"), dueBy(rs, c),
                            state(rs.getString("state")));
                }, args.toArray());
    }

    public long count(String organisationId) {
        return count(organisationId, Filter.NONE);
    }

    public long count(String organisationId, Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(organisationId, filter, args);
        Long n = jdbc.queryForObject("select count(*) from delivery d join delivered_alert l on l.alert_id = d.alert_id"
                + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Always the caller's organisation, on both tables; then the filter's keys (see DeliveredAlerts). */
    private static String where(String organisationId, Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" where d.organisation_id = ? and l.organisation_id = ?");
        args.add(organisationId);
        args.add(organisationId);
        if (filter.policeReference() != null) {
            where.append(" and l.police_reference_key = ?");
            args.add(DeliveredAlerts.policeReferenceKey(filter.policeReference()));
        }
        if (filter.child() != null) {
            String name = DeliveredAlerts.nameKey(filter.child());
            if (name.isEmpty()) {
                where.append(" and l.child_id = ?");
                args.add(filter.child());
            } else {
                // letters and digits only: no wildcard of the caller's reaches the pattern
                where.append(" and (l.child_id = ? or l.child_name_key like ?)");
                args.add(filter.child());
                args.add("%" + name + "%");
            }
        }
        return where.toString();
    }

    /** One alert as JSON for the API: where its delivery stands and the alert as sent. */
    public record Document(UUID alertId, DeliveryState state, Instant receivedAt, Instant dueBy, Instant openedAt,
                           Instant actionedAt, RecipientAction action, String actionNote, JsonNode alert) {
    }

    public Optional<Document> document(String organisationId, UUID alertId) {
        return jdbc.query(SELECT + " where d.alert_id = ? and d.organisation_id = ? and l.organisation_id = ?",
                (rs, n) -> {
                    JsonNode c = read(DeliveredAlerts.json(rs.getBytes("payload")));
                    String action = rs.getString("action");
                    return new Document((UUID) rs.getObject("alert_id"), state(rs.getString("state")),
                            instant(rs, "routed_at"), dueBy(rs, c), instant(rs, "opened_at"),
                            instant(rs, "actioned_at"), action == null ? null : RecipientAction.valueOf(action),
                            rs.getString("action_note"), c);
                }, alertId, organisationId, organisationId).stream().findFirst();
    }

    public Optional<Detail> find(String organisationId, UUID alertId) {
        return jdbc.query(SELECT + " where d.alert_id = ? and d.organisation_id = ? and l.organisation_id = ?"
                        + " and l.purged_at is null",
                (rs, n) -> detail(rs), alertId, organisationId, organisationId).stream().findFirst();
    }

    /** Whether this person has opened this alert before (each person's first opening is recorded). */
    public boolean openedBy(UUID alertId, String personId) {
        Boolean opened = jdbc.queryForObject("select exists (select 1 from delivery_event where alert_id = ?"
                + " and state = 'OPENED' and actor_id = ?)", Boolean.class, alertId, personId);
        return Boolean.TRUE.equals(opened);
    }

    private Detail detail(ResultSet rs) throws SQLException {
        JsonNode c = read(DeliveredAlerts.json(rs.getBytes("payload")));
        JsonNode d = c.path("disclosed");
        List<Fact> incident = new ArrayList<>();
        add(incident, "Date and time of the incident", InboxTime.dateTime(instant(d.get("occurredAt"))));
        add(incident, "Reported by police", InboxTime.dateTime(instant(d.get("reportedAt"))));
        add(incident, "Child present", yesNo(d.get("childPresent")));
        add(incident, "Child spoken to by police", yesNo(d.get("childSpokenTo")));
        add(incident, "Another adult there when the child was spoken to", yesNo(d.get("adultPresentWhenSpokenTo")));
        add(incident, "Welfare check made", yesNo(d.get("welfareCheckMade")));
        add(incident, "Risk level", text(d, "riskLevel") == null ? null : words(text(d, "riskLevel")));
        add(incident, "Circumstances", text(d, "circumstances"));
        JsonNode location = d.get("location");
        if (location != null && !location.isNull()) {
            add(incident, "Location", join(text(location, "addressLine"), text(location, "town"),
                    text(location, "postcode")));
        }
        JsonNode adult = d.get("supervisedAdult");
        if (adult != null && !adult.isNull()) {
            String role = text(adult, "role");
            String caseRef = text(adult, "caseReference");
            add(incident, "Supervised adult", join(text(adult, "givenName") + " " + text(adult, "familyName"),
                    role == null ? null : words(role), caseRef == null ? null : "case " + caseRef));
        }
        List<Fact> officer = new ArrayList<>();
        JsonNode o = d.get("attendingOfficer");
        if (o != null && !o.isNull()) {
            add(officer, "Officer", join(text(o, "name"), text(o, "collarNumber") == null ? null
                    : "collar number " + text(o, "collarNumber")));
            add(officer, "Email", text(o, "email"));
            add(officer, "Telephone", text(o, "phone"));
        }
        String action = rs.getString("action");
        return new Detail((UUID) rs.getObject("alert_id"), text(c.path("recipient"), "organisationName"), childName(c),
                date(c.path("child").get("dateOfBirth")), text(c, "policeReference"), text(c, "forceCode"),
                rs.getInt("revision"), instant(rs, "routed_at"), dueBy(rs, c), state(rs.getString("state")),
                List.copyOf(incident), text(d, "voiceOfChild"), List.copyOf(officer), instant(rs, "opened_at"),
                rs.getString("opened_by"), rs.getString("opened_by_name"), instant(rs, "actioned_at"),
                rs.getString("actioned_by"), rs.getString("actioned_by_name"),
                action == null ? null : RecipientAction.valueOf(action), rs.getString("action_note"),
                updateNotice(c.get("update")), familyHistory(c.get("familyHistory")), concern(c.get("concern")),
                // the matcher was not sure this is the child (match outcome REVIEW): the recipient checks
                "REVIEW".equals(text(c.path("match"), "outcome")));
    }

    /** "Updated: revision 1 (correction): risk level raised from MEDIUM to HIGH; child's words changed." */
    static String updateNotice(JsonNode update) {
        if (update == null || update.isNull()) {
            return null;
        }
        List<String> changes = new ArrayList<>();
        update.path("changes").forEach(c -> changes.add(c.asText()));
        String kind = text(update, "revisionKind");
        return "Updated: this replaces the alert for revision " + update.path("previousRevision").asInt()
                + (kind == null ? "" : " (" + words(kind).toLowerCase() + ")") + ": "
                + (changes.isEmpty() ? "nothing you were told has changed" : String.join("; ", changes)) + ".";
    }

    /** "2 earlier incidents involving this family in the last 12 months: 1 July 2026 (medium risk), ..." */
    static String familyHistory(JsonNode history) {
        if (history == null || history.isNull()) {
            return null;
        }
        int count = history.path("incidentsLast12Months").asInt();
        if (count == 0) {
            return "No earlier incident involving this family in the last 12 months.";
        }
        List<String> listed = new ArrayList<>();
        history.path("incidents").forEach(i -> listed.add(InboxTime.dateTime(instant(i.get("occurredAt")))
                + " (" + words(i.path("riskLevel").asText("UNKNOWN")).toLowerCase() + " risk, " + text(i, "forceCode") + ")"));
        return count + (count == 1 ? " earlier incident" : " earlier incidents")
                + " involving this family in the last 12 months: " + String.join("; ", listed) + ".";
    }

    static String concern(JsonNode concern) {
        if (concern == null || concern.isNull()) {
            return null;
        }
        return text(concern, "detail");
    }

    private JsonNode read(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger content", e);
        }
    }

    private static String childName(JsonNode c) {
        JsonNode child = c.path("child");
        return joinWith(" ", text(child, "givenName"), text(child, "familyName"));
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String yesNo(JsonNode v) {
        return v == null || v.isNull() ? null : v.asBoolean() ? "Yes" : "No";
    }

    private static String words(String enumName) {
        String s = enumName.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String join(String... parts) {
        return joinWith(", ", parts);
    }

    private static String joinWith(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }

    static Instant instant(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? Instant.ofEpochMilli(v.asLong()) : Instant.parse(v.asText());
    }

    static LocalDate date(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? LocalDate.ofEpochDay(v.asLong()) : LocalDate.parse(v.asText());
    }

    /** The delivery's deadline, or the alert's own when the delivery has none. */
    private static Instant dueBy(ResultSet rs, JsonNode content) throws SQLException {
        Instant due = instant(rs, "due_by");
        return due != null ? due : instant(content.get("dueBy"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static DeliveryState state(String state) {
        try {
            return DeliveryState.valueOf(state);
        } catch (IllegalArgumentException e) {
            return DeliveryState.UNKNOWN;
        }
    }
}
