package uk.safeguarding.notification.delivery.escalation;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Alerts not opened by their deadline, newest breach first: for operations and the local authority's education
 * safeguarding lead. Ids, organisation, kind, times and state only: never a child's name.
 */
@RestController
@RequestMapping("/api/v1/breaches")
public class BreachesController {

    private final Breaches breaches;

    public BreachesController(Breaches breaches) {
        this.breaches = breaches;
    }

    @GetMapping
    @Operation(summary = "Alerts not opened by their deadline (ids, organisation, kind, due by, breached at, state)")
    public List<Breaches.Breach> breaches(@RequestParam(required = false) String organisationId,
                                          @RequestParam(required = false) Instant since,
                                          @RequestParam(defaultValue = "200") int limit) {
        return breaches.list(organisationId, since, limit);
    }
}
