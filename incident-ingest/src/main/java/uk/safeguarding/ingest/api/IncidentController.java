package uk.safeguarding.ingest.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.ingest.access.ForceNotPermittedException;
import uk.safeguarding.ingest.access.PoliceClient;
import uk.safeguarding.ingest.submission.IncidentSubmission;
import uk.safeguarding.ingest.submission.SubmissionService;

import java.net.URI;

@RestController
@RequestMapping(IncidentController.BASE_PATH)
@Tag(name = "Incidents", description = "Police forces report domestic abuse incidents involving children.")
@SecurityRequirement(name = IncidentController.SECURITY_SCHEME)
@SecurityScheme(name = IncidentController.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "OAuth2 client-credentials access token from the platform's issuer, with "
        + "scope incidents:submit:<forceCode> for each force the system submits for.")
public class IncidentController {

    public static final String BASE_PATH = "/api/v1/incidents";
    static final String SECURITY_SCHEME = "policeSystemToken";

    private final SubmissionService submissions;

    public IncidentController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report an incident (one revision)",
            description = "Validates the report and publishes it to the incidents topic. Answers only after the broker "
                    + "has acknowledged it. Submitting the same (forceCode, policeReference, revision) again with the "
                    + "same content is safe: it is not published again and answers 200 with the same incidentId. "
                    + "A higher revision updates the incident (same incidentId).",
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted and published",
                            headers = @Header(name = "Location", description = "/api/v1/incidents/{incidentId}"),
                            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class))),
                    @ApiResponse(responseCode = "200", description = "This revision was already accepted; not published again",
                            headers = @Header(name = "Location", description = "/api/v1/incidents/{incidentId}"),
                            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid report: every bad field is listed in errors",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "401", description = "No valid bearer token: missing, expired, wrong "
                            + "issuer or audience. Nothing was accepted.",
                            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge (RFC 6750)"),
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "403", description = "The token does not allow submitting for this "
                            + "forceCode (scope incidents:submit:<forceCode>). Nothing was accepted.",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "429", description = "This client is over its rate limit. Nothing was "
                            + "accepted; retry after the Retry-After seconds.",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "409", description = "An older revision than one accepted, or this revision "
                            + "was accepted with different content",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "503", description = "Could not be published now; nothing was accepted. "
                            + "Retry after the Retry-After seconds.",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))
            })
    public ResponseEntity<SubmissionReceipt> submit(@Valid @RequestBody IncidentSubmission submission,
            @Parameter(hidden = true) @RequestAttribute(PoliceClient.REQUEST_ATTRIBUTE) PoliceClient client) {
        if (!client.mayActFor(submission.forceCode())) {
            throw new ForceNotPermittedException(client, submission.forceCode());
        }
        SubmissionService.Outcome outcome = submissions.submit(submission, client.clientId());
        SubmissionReceipt receipt = new SubmissionReceipt(outcome.incidentId(), outcome.revision(),
                outcome.newlyAccepted() ? SubmissionReceipt.Status.ACCEPTED : SubmissionReceipt.Status.ALREADY_ACCEPTED);
        return ResponseEntity.status(outcome.newlyAccepted() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(BASE_PATH + "/" + outcome.incidentId()))
                .body(receipt);
    }

    @GetMapping(path = "/{incidentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status of an incident",
            description = "The accepted revisions of an incident with their status and instants. No personal data.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The incident's revisions",
                            content = @Content(schema = @Schema(implementation = IncidentStatusView.class))),
                    @ApiResponse(responseCode = "404", description = "No revision of this incident was accepted, or it "
                            + "belongs to a force this client may not act for",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))
            })
    public IncidentStatusView status(@PathVariable String incidentId,
            @Parameter(hidden = true) @RequestAttribute(PoliceClient.REQUEST_ATTRIBUTE) PoliceClient client) {
        // another force's incident is answered exactly like an unknown one: its existence is not disclosed
        SubmissionService.IncidentHistory history = submissions.history(incidentId)
                .filter(h -> client.mayActFor(h.incident().forceCode()))
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
        return new IncidentStatusView(history.incident().incidentId(), history.incident().forceCode(),
                history.incident().policeReference(), history.incident().latestRevision(),
                history.revisions().stream().map(r -> new IncidentStatusView.RevisionView(r.revision(),
                        r.status().name(), r.receivedAt(), r.publishedAt())).toList());
    }
}
