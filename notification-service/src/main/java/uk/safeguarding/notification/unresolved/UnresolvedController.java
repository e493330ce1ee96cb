package uk.safeguarding.notification.unresolved;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.avro.UnresolvedReason;

import java.util.List;

/** The local authority's working list: children the platform could not route. */
@RestController
public class UnresolvedController {

    private final UnresolvedChildren unresolved;

    public UnresolvedController(UnresolvedChildren unresolved) {
        this.unresolved = unresolved;
    }

    @GetMapping("/api/v1/unresolved")
    public List<UnresolvedChildView> list(@RequestParam(required = false) String incidentId,
                                          @RequestParam(required = false) UnresolvedReason reason,
                                          @RequestParam(defaultValue = "100") int limit) {
        return unresolved.list(incidentId, reason, Math.max(1, Math.min(limit, 1000)));
    }
}
