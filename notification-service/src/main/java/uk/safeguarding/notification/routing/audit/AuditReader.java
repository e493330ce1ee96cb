package uk.safeguarding.notification.routing.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.shared.audit.DisclosureEvent;

import java.util.List;

/** Reads the disclosure audit per child, with the names of the organisations (directory) and people involved. */
@Component
public class AuditReader {

    /** A recorded disclosure, with the recipient organisation's name and the acting person's, for reading. */
    public record Recorded(DisclosureEvent event, String organisationName, String actorName) {
    }

    private final JdbcTemplate jdbc;

    public AuditReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything disclosed about a child, newest first. */
    public List<Recorded> forChild(String childId, int limit) {
        return jdbc.query("select a.*, o.name as organisation_name, p.display_name as actor_name"
                        + " from disclosure_audit a left join organisation o on o.id = a.organisation_id"
                        + " left join person p on p.id = a.actor"
                        + " where a.child_id = ? order by a.occurred_at desc, a.seq desc limit ?",
                (rs, n) -> new Recorded(AuditTrail.event(rs), rs.getString("organisation_name"),
                        rs.getString("actor_name")),
                childId, limit);
    }
}
