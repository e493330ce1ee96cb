package uk.safeguarding.notification.escalation;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Alerts not opened by their deadline, newest breach first: for operations and the local authority's education
 * safeguarding lead. Ids, organisation, kind, times and state only: never a child's name.
 */
@RestController
@RequestMapping("/api/v1/breaches")
public class BreachesController {

    /** One breached alert. */
    public record Breach(UUID alertId, String organisationId, String organisationName,
                         String recipientKind, Instant dueBy, Instant breachedAt, String state, Instant openedAt) {
    }

    private final JdbcTemplate jdbc;

    public BreachesController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Alerts not opened by their deadline (ids, organisation, kind, due by, breached at, state)")
    public List<Breach> breaches(@RequestParam(required = false) String organisationId,
                                 @RequestParam(required = false) Instant since,
                                 @RequestParam(defaultValue = "200") int limit) {
        StringBuilder sql = new StringBuilder("select d.alert_id, d.organisation_id, o.name,"
                + " d.recipient_kind, d.due_by, d.breached_at, d.state, d.opened_at from delivery d"
                + " left join organisation o on o.id = d.organisation_id where d.breached_at is not null");
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
