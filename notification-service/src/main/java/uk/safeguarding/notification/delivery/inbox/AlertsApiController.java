package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.notification.shared.security.Caller;
import uk.safeguarding.notification.shared.security.Callers;
import uk.safeguarding.notification.shared.security.SignedInPerson;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person's organisation's alerts as JSON: the inbox for an organisation's own systems. Every query is
 * bound to the caller's organisation; another organisation's alert answers 404 exactly like an alert that does not
 * exist. Reading here does not count as opening (the inbox page does that, for a person).
 */
@RestController
@RequestMapping("/api/v1/alerts")
public class AlertsApiController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final InboxAlerts alerts;
    private final Callers callers;
    private final AlertLooks looks;
    private final Clock clock;

    public AlertsApiController(InboxAlerts alerts, Callers callers, AlertLooks looks, Clock clock) {
        this.alerts = alerts;
        this.callers = callers;
        this.looks = looks;
        this.clock = clock;
    }

    /** A page of alerts, newest first, and the filters it was narrowed by (null: not narrowed). */
    public record AlertPage(String organisationId, int page, int size, long total, String policeReference,
                            String child, List<InboxAlerts.Summary> alerts) {
    }

    @GetMapping
    @Operation(summary = "Your organisation's alerts, newest first, paged (page from 0, size up to 200); optionally"
            + " only those with one police reference (policeReference, any case) or about one child (child: the"
            + " directory child id, or a name or part of one). Never another organisation's.")
    public ResponseEntity<?> list(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
                                  @RequestParam(name = "policeReference", required = false) String policeReference,
                                  @RequestParam(name = "child", required = false) String child,
                                  Authentication authentication) {
        String organisationId = organisation(authentication);
        if (tooLong(policeReference) || tooLong(child)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "policeReference and child are at most " + MAX_FILTER_LENGTH + " characters.");
            problem.setTitle("Bad Request");
            return ResponseEntity.badRequest().body(problem);
        }
        InboxAlerts.Filter filter = new InboxAlerts.Filter(policeReference, child);
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return ResponseEntity.ok(new AlertPage(organisationId, p, s, alerts.count(organisationId, filter),
                filter.policeReference(), filter.child(), alerts.newestFirst(organisationId, filter, p, s)));
    }

    static final int MAX_FILTER_LENGTH = 100;

    private static boolean tooLong(String value) {
        return value != null && value.strip().length() > MAX_FILTER_LENGTH;
    }

    @GetMapping("/{alertId}")
    @Operation(summary = "One of your organisation's alerts: its delivery and the alert as sent; 404 for any other")
    public ResponseEntity<?> one(@PathVariable("alertId") String alertId, Authentication authentication) {
        Caller caller = caller(authentication);
        Optional<UUID> id = AlertIds.parse(alertId);
        Optional<?> document = id.flatMap(i -> alerts.document(caller.organisationId(), i));
        if (document.isEmpty()) {
            // another organisation's alert is answered like no alert, and the look is recorded
            id.ifPresent(i -> looks.refused(i, caller.personId(), caller.organisationId(), clock.instant()));
            return notFound();
        }
        looks.viewed(id.get(), caller.personId(), clock.instant()); // a full read is a disclosure
        return ResponseEntity.ok(document.get());
    }

    private String organisation(Authentication authentication) {
        return caller(authentication).organisationId();
    }

    private Caller caller(Authentication authentication) {
        return callers.current(authentication).map(SignedInPerson::caller)
                .orElseThrow(() -> new IllegalStateException("the access matrix lets only signed-in people here"));
    }

    /** The same answer for an alert of another organisation and for no alert at all. */
    private static ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such alert.");
        problem.setTitle("Not Found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
