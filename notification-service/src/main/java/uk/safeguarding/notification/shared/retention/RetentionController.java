package uk.safeguarding.notification.shared.retention;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.avro.AgencyKind;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the platform keeps and for how long, and what the last purges removed: for operations and data protection. */
@RestController
@RequestMapping("/api/v1/retention")
public class RetentionController {

    public record Run(Instant ranAt, int alertsPurged, int unresolvedPurged, int webhookBodiesCleared,
                      int auditAnonymised) {
    }

    public record View(Map<String, Duration> alertsByRecipientKind, Duration unresolvedChildren,
                       Duration webhookBodies, Duration audit, List<Run> recentRuns) {
    }

    private final RetentionPolicy policy;
    private final JdbcTemplate jdbc;

    public RetentionController(RetentionPurge purge, JdbcTemplate jdbc) {
        this.policy = purge.policy();
        this.jdbc = jdbc;
    }

    @GetMapping
    public View retention() {
        Map<String, Duration> byKind = new LinkedHashMap<>();
        for (AgencyKind kind : AgencyKind.values()) {
            if (kind != AgencyKind.UNKNOWN) {
                byKind.put(kind.name(), policy.forAlerts(kind));
            }
        }
        List<Run> runs = jdbc.query("select ran_at, alerts_purged, unresolved_purged, webhook_bodies_cleared, audit_anonymised"
                        + " from retention_purge_run order by ran_at desc limit 20",
                (rs, i) -> new Run(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)));
        return new View(byKind, policy.unresolved(), policy.webhookBodies(), policy.audit(), runs);
    }
}
