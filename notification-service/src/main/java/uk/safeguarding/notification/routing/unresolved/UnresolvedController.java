package uk.safeguarding.notification.routing.unresolved;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import uk.safeguarding.notification.shared.security.Callers;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;

import java.util.Locale;

/**
 * The local authority's working list: children the platform could not route. {@code GET /api/v1/unresolved} lists
 * them ({@code status=open}: oldest received first; {@code status=resolved}: most recently resolved first; without:
 * every row newest first), {@code GET /{id}} shows one with the police's details, {@code GET /{id}/candidates?q=}
 * searches the directory for it, {@code POST /{id}/resolution} resolves it to a directory child ({@code childId}) or
 * to one created for it ({@code newChild}) and routes the incident for that child at once.
 */
@RestController
public class UnresolvedController {

    private final UnresolvedWorkingList workingList;
    private final Callers callers;

    public UnresolvedController(UnresolvedWorkingList workingList, Callers callers) {
        this.workingList = workingList;
        this.callers = callers;
    }

    /**
     * Body of a resolution: exactly one of {@code childId} and {@code newChild}. Who resolved it is the signed-in
     * caller, never something the body says.
     */
    public record ResolutionRequest(@Size(max = 64) String childId, @Valid DirectoryDocument.Child newChild) {
    }

    @GetMapping("/api/v1/unresolved")
    public ResponseEntity<Object> list(@RequestParam(required = false) String status,
                                       @RequestParam(required = false) String incidentId,
                                       @RequestParam(required = false) UnresolvedReason reason,
                                       @RequestParam(defaultValue = "100") int limit) {
        UnresolvedChildren.Status s = null;
        if (status != null) {
            try {
                s = UnresolvedChildren.Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return problem(HttpStatus.BAD_REQUEST, "status must be open or resolved");
            }
        }
        return ResponseEntity.ok(workingList.list(s, incidentId, reason, Math.max(1, Math.min(limit, 1000))));
    }

    @GetMapping("/api/v1/unresolved/{id}")
    public ResponseEntity<Object> one(@PathVariable long id) {
        return workingList.find(id).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no unresolved child " + id));
    }

    @GetMapping("/api/v1/unresolved/{id}/candidates")
    public ResponseEntity<Object> candidates(@PathVariable long id, @RequestParam(required = false) String q,
                                             @RequestParam(defaultValue = "20") int limit) {
        return workingList.candidates(id, q, Math.max(1, Math.min(limit, 100)))
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no unresolved child " + id));
    }

    @PostMapping("/api/v1/unresolved/{id}/resolution")
    public ResponseEntity<Object> resolve(@PathVariable long id, @Valid @RequestBody ResolutionRequest body,
                                          Authentication authentication) {
        boolean hasChild = body.childId() != null && !body.childId().isBlank();
        if (hasChild == (body.newChild() != null)) {
            return problem(HttpStatus.BAD_REQUEST, "give exactly one of childId and newChild");
        }
        String by = callers.current(authentication).map(p -> p.caller().personId())
                .orElseThrow(() -> new IllegalStateException("the access matrix lets only signed-in people here"));
        try {
            return ResponseEntity.ok(workingList.resolve(id, hasChild ? body.childId() : null, body.newChild(), by));
        } catch (UnresolvedWorkingList.ResolutionRefused refused) {
            HttpStatus status = switch (refused.why()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case ALREADY_RESOLVED, CHILD_ID_TAKEN -> HttpStatus.CONFLICT;
                case NO_SUCH_CHILD, INCIDENT_NOT_KEPT, NO_LINKED_SERVICES -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            return problem(status, refused.getMessage());
        }
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
