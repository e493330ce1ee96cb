package uk.safeguarding.notification.delivery.probation;

import uk.safeguarding.notification.delivery.dispatch.AlertsReceived;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Probation's answers about the children ({@code probation_response}): the question of each probation alert, recorded
 * with its delivery; the answer, recorded once; and the unanswered ones for operations. Ids, organisations and times
 * only in what is listed: never a child's name.
 */
@Component
public class ProbationResponses implements AlertsReceived {

    /** One probation alert's question and, once given, its answer. */
    public record Response(UUID alertId, String incidentId, String organisationId, String question, Instant respondBy,
                           Instant requestedAt, Boolean childrenConsidered, String actions, Instant answeredAt,
                           String answeredBy, Instant escalatedAt) {
        public boolean answered() {
            return answeredAt != null;
        }

        public boolean overdue(Instant now) {
            return !answered() && !now.isBefore(respondBy);
        }
    }

    /** An unanswered question, as operations see it. */
    public record Unanswered(UUID alertId, String incidentId, String organisationId, String organisationName,
                             Instant respondBy, Instant escalatedAt) {
    }

    /** What recording an answer did. */
    public enum Outcome { RECORDED, ALREADY_ANSWERED, NOT_FOUND }

    private static final String SELECT = "select alert_id, incident_id, organisation_id, question, respond_by,"
            + " requested_at, children_considered, actions, answered_at, answered_by, escalated_at from probation_response";

    private final JdbcTemplate jdbc;

    public ProbationResponses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the question of every probation alert among these (in the caller's transaction, after their deliveries
     * were recorded). Idempotent by alert id.
     */
    @Override
    public void received(Collection<AgencyAlert> alerts, Instant now) {
        recordRequests(alerts, now);
    }

    public void recordRequests(Collection<AgencyAlert> alerts, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (AgencyAlert a : alerts) {
            if (a.getRecipient().getKind() == AgencyKind.PROBATION && a.getResponse() != null
                    && a.getResponse().getRespondBy() != null) {
                rows.add(new Object[]{UUID.fromString(a.getAlertId()), a.getIncidentId(),
                        a.getRecipient().getOrganisationId(), a.getResponse().getQuestion(),
                        Timestamp.from(a.getResponse().getRespondBy()), Timestamp.from(now)});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into probation_response (alert_id, incident_id, organisation_id, question,"
                    + " respond_by, requested_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
        }
    }

    public Optional<Response> find(UUID alertId) {
        return jdbc.query(SELECT + " where alert_id = ?", (rs, n) -> response(rs), alertId).stream().findFirst();
    }

    /** The question of an alert addressed to this organisation (any other answers empty, alike). */
    public Optional<Response> find(UUID alertId, String organisationId) {
        return find(alertId).filter(r -> r.organisationId().equals(organisationId));
    }

    /**
     * Records the answer once. {@code organisationId} null: not checked here (the API's own-organisation rule is the
     * access-control layer's); otherwise an alert of another organisation is NOT_FOUND.
     */
    @Transactional
    public Outcome answer(UUID alertId, String organisationId, boolean childrenConsidered, String actions,
                          String personId, Instant now) {
        Optional<Response> current = jdbc.query(SELECT + " where alert_id = ? for update", (rs, n) -> response(rs),
                alertId).stream().findFirst();
        if (current.isEmpty() || (organisationId != null && !current.get().organisationId().equals(organisationId))) {
            return Outcome.NOT_FOUND;
        }
        if (current.get().answered()) {
            return Outcome.ALREADY_ANSWERED;
        }
        jdbc.update("update probation_response set children_considered = ?, actions = ?, answered_at = ?,"
                + " answered_by = ? where alert_id = ?", childrenConsidered, actions, Timestamp.from(now), personId, alertId);
        return Outcome.RECORDED;
    }

    /** Questions not answered by their respondBy (by the clock, or escalated already), oldest first. */
    public List<Unanswered> unanswered(String organisationId, Instant now, int limit) {
        StringBuilder sql = new StringBuilder("select p.alert_id, p.incident_id, p.organisation_id,"
                + " a.organisation_name, p.respond_by, p.escalated_at from probation_response p"
                + " left join delivered_alert a on a.alert_id = p.alert_id where p.answered_at is null"
                + " and (p.respond_by <= ? or p.escalated_at is not null)");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(now));
        if (organisationId != null && !organisationId.isBlank()) {
            sql.append(" and p.organisation_id = ?");
            args.add(organisationId);
        }
        sql.append(" order by p.respond_by, p.alert_id limit ?");
        args.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query(sql.toString(), (rs, n) -> new Unanswered((UUID) rs.getObject(1), rs.getString(2),
                rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))),
                args.toArray());
    }

    private static Response response(ResultSet rs) throws SQLException {
        Object considered = rs.getObject("children_considered");
        return new Response((UUID) rs.getObject("alert_id"), rs.getString("incident_id"),
                rs.getString("organisation_id"), rs.getString("question"), instant(rs.getTimestamp("respond_by")),
                instant(rs.getTimestamp("requested_at")), considered == null ? null : (Boolean) considered,
                rs.getString("actions"), instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"),
                instant(rs.getTimestamp("escalated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
