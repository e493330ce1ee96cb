package uk.safeguarding.notification.delivery.escalation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Alerts not opened by their deadline, newest breach first, for operations and the local authority's education
 * safeguarding lead (the JSON API and the inbox's breaches page). Ids, organisation, kind, times and state only:
 * never a child's name.
 */
@Component
public class Breaches {

    /** One breached alert. */
    public record Breach(UUID alertId, String organisationId, String organisationName,
                         String recipientKind, Instant dueBy, Instant breachedAt, String state, Instant openedAt) {
    }

    private final JdbcTemplate jdbc;

    public Breaches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Breach> list(String organisationId, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("select d.alert_id, d.organisation_id, a.organisation_name,"
                + " d.recipient_kind, d.due_by, d.breached_at, d.state, d.opened_at from delivery d"
                + " left join delivered_alert a on a.alert_id = d.alert_id where d.breached_at is not null");
        List<Object> args = new ArrayList<>();
        if (organisationId != null && !organisationId.isBlank()) {
            sql.append(" and d.organisation_id = ?");
            args.add(organisationId);
        }
        if (since != null) {
            sql.append(" and d.breached_at >= ?");
            args.add(Timestamp.from(since));
        }
        sql.append(" order by d.breached_at desc, d.alert_id limit ?");
        args.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query(sql.toString(), (rs, n) -> new Breach((UUID) rs.getObject(1), rs.getString(2),
                rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                rs.getString(7), instant(rs.getTimestamp(8))), args.toArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
