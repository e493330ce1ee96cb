package uk.safeguarding.notification.routing.audit;

import uk.safeguarding.notification.shared.audit.DisclosureEvent;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Who has seen what about a child, and when: every disclosure recorded for the child, newest first. For operations
 * (the access-control work secures {@code /api/v1/audit/**} to that role). Ids, item names, times, policy version and
 * basis: never a name or a value.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditReader trail;

    public AuditController(AuditReader trail) {
        this.trail = trail;
    }

    /** One disclosure as the API shows it. */
    public record Entry(String eventId, String action, Instant occurredAt, String actor, String organisationId,
                        String organisationName, String childId, String incidentId, String alertId,
                        List<String> fields, String policyVersion, String lawfulBasis) {
        static Entry of(AuditReader.Recorded r) {
            DisclosureEvent e = r.event();
            return new Entry(e.eventId().toString(), e.action().name(), e.occurredAt(), e.actor(), e.organisationId(),
                    r.organisationName(), e.childId(), e.incidentId(),
                    e.alertId() == null ? null : e.alertId().toString(), e.fields(), e.policyVersion(),
                    e.lawfulBasis());
        }
    }

    @GetMapping("/children/{childId}")
    @Operation(summary = "Every disclosure about a child, newest first: action, who, which organisation, incident,"
            + " alert, which fields, when, policy version and lawful basis")
    public List<Entry> child(@PathVariable("childId") String childId,
                             @RequestParam(defaultValue = "500") int limit) {
        return trail.forChild(childId, Math.max(1, Math.min(limit, MAX_LIMIT))).stream().map(Entry::of).toList();
    }
}
