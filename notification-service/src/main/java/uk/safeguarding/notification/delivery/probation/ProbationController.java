package uk.safeguarding.notification.delivery.probation;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.Authentication;
import uk.safeguarding.notification.shared.security.Caller;
import uk.safeguarding.notification.shared.security.Callers;
import uk.safeguarding.notification.shared.security.SignedInPerson;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Probation's answer about the children of a probation alert, and the questions left unanswered. The answer is
 * recorded once. Own organisation only: every call is bound to the caller's organisation, and another organisation's
 * alert answers 404 like no alert at all.
 */
@RestController
public class ProbationController {

    private static final Logger log = LoggerFactory.getLogger(ProbationController.class);

    private final ProbationResponses responses;
    private final Callers callers;
    private final Clock clock;

    public ProbationController(ProbationResponses responses, Callers callers, Clock clock) {
        this.responses = responses;
        this.callers = callers;
        this.clock = clock;
    }

    @PostMapping("/api/v1/alerts/{alertId}/response")
    @Operation(summary = "Record probation's answer: were the children's safeguarding needs considered, and what was done")
    public ResponseEntity<Object> answer(@PathVariable String alertId, @Valid @RequestBody ProbationAnswer body,
                                         Authentication authentication) {
        UUID id = AlertIds.parse(alertId).orElse(null);
        Caller caller = caller(authentication);
        // another organisation's alert is NOT_FOUND, exactly like no alert
        ProbationResponses.Outcome outcome = id == null ? ProbationResponses.Outcome.NOT_FOUND
                : responses.answer(id, caller.organisationId(), body.childrenConsidered(), body.actions().strip(),
                caller.personId(), clock.instant());
        return switch (outcome) {
            case RECORDED -> {
                log.info("Probation answer recorded for alert {} through the API", id);
                yield ResponseEntity.status(HttpStatus.CREATED).body(responses.find(id).orElseThrow());
            }
            case ALREADY_ANSWERED -> problem(HttpStatus.CONFLICT, "Already answered",
                    "The answer for this alert has been recorded; it is recorded once");
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found", "No probation alert with a question has this id");
        };
    }

    @GetMapping("/api/v1/alerts/{alertId}/response")
    @Operation(summary = "The question of a probation alert and its answer, if given")
    public ResponseEntity<ProbationResponses.Response> response(@PathVariable String alertId,
                                                               Authentication authentication) {
        UUID id = AlertIds.parse(alertId).orElse(null);
        return id == null ? ResponseEntity.notFound().build()
                : ResponseEntity.of(responses.find(id, caller(authentication).organisationId()));
    }

    private Caller caller(Authentication authentication) {
        return callers.current(authentication).map(SignedInPerson::caller)
                .orElseThrow(() -> new IllegalStateException("the access matrix lets only signed-in people here"));
    }

    @GetMapping("/api/v1/probation/unanswered")
    @Operation(summary = "Probation alerts whose question was not answered by its respondBy (for operations): ids,"
            + " organisation, times; never a child")
    public List<ProbationResponses.Unanswered> unanswered(@RequestParam(required = false) String organisationId,
                                                          @RequestParam(defaultValue = "200") int limit) {
        return responses.unanswered(organisationId, clock.instant(), limit);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
