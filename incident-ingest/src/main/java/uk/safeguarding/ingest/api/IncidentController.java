package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import uk.safeguarding.ingest.http.SubmissionMetrics;
import uk.safeguarding.ingest.outcome.OutcomeEvents;
import uk.safeguarding.ingest.outcome.OutcomeRules;
import org.slf4j.MDC;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.ingest.submission.IncidentSubmission;
import uk.safeguarding.ingest.submission.SubmissionService;

import java.net.URI;

@RestController
@RequestMapping(IncidentController.BASE_PATH)
@Tag(name = "Incidents", description = "Police forces report domestic abuse incidents involving children.")
@SecurityRequirement(name = ApiDocumentation.SECURITY_SCHEME)
public class IncidentController {

    public static final String BASE_PATH = "/api/v1/incidents";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** A complete, valid submission: the OpenAPI document's request example and the documentation page's. */
    public static final String SUBMISSION_EXAMPLE = """
            {
              "forceCode": "WMP",
              "policeReference": "WMP-2026-000123",
              "revision": 1,
              "occurredAt": "2026-11-20T22:15:00Z",
              "reportedAt": "2026-11-20T23:15:00Z",
              "location": {"addressLine": "1 Example Road", "town": "Exampleton", "postcode": "EX1 1AA"},
              "riskLevel": "MEDIUM",
              "circumstances": "Verbal argument overheard by neighbours.",
              "consent": {"status": "REFUSED", "note": "Declined at the scene"},
              "revisionKind": "REPORT",
              "adults": [
                {"givenName": "Alex", "familyName": "Sample", "dateOfBirth": "1990-01-01", "role": "VICTIM",
                 "identifiers": []},
                {"givenName": "Sam", "familyName": "Sample", "dateOfBirth": "1988-02-02", "role": "SUSPECT",
                 "identifiers": [{"scheme": "PNC_ID", "value": "88/123456X"}]}
              ],
              "children": [
                {"givenName": "Robin", "familyName": "Sample", "dateOfBirth": "2016-05-04",
                 "identifiers": [{"scheme": "UPN", "value": "A123456789012"}, {"scheme": "NHS_NUMBER", "value": "9434765919"}],
                 "postcode": "EX1 1AA", "present": true, "spokenTo": true, "voiceOfChild": "I hid in my room",
                 "adultPresentWhenSpokenTo": false, "welfareCheckMade": true}
              ],
              "attendingOfficer": {"name": "PC Example", "collarNumber": "1234", "email": "encompass@police.example",
                                   "phone": "01234 567890"}
            }
            """;

    private final SubmissionService submissions;
    private final SubmissionReader reader;
    private final OutcomeEvents outcomes;

    public IncidentController(SubmissionService submissions, SubmissionReader reader, OutcomeEvents outcomes) {
        this.submissions = submissions;
        this.reader = reader;
        this.outcomes = outcomes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report an incident (one revision)", operationId = "submitIncident",
            description = "Validates the report and publishes it to the incidents topic. Answers only after the broker "
                    + "has acknowledged it. Submitting the same (forceCode, policeReference, revision) again with the "
                    + "same content is safe: it is not published again and answers 200 with the same incidentId. "
                    + "A higher revision updates the incident (same incidentId). A refusal lists every field problem "
                    + "found at once in `errors`; nothing refused is recorded or published.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "One revision of one incident, as JSON (at most 256 KiB).",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IncidentSubmission.class),
                            examples = @ExampleObject(name = "report", summary = "A first report with one child",
                                    value = SUBMISSION_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted and published",
                            headers = @Header(name = "Location", description = "/api/v1/incidents/{incidentId}"),
                            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class))),
                    @ApiResponse(responseCode = "200", description = "This revision was already accepted; not published again",
                            headers = @Header(name = "Location", description = "/api/v1/incidents/{incidentId}"),
                            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid report: every bad field is listed in errors; "
                            + "or the body is not one JSON object",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "401", description = "No valid bearer token: missing, expired, wrong "
                            + "issuer or audience. Nothing was accepted.",
                            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge (RFC 6750)"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "403", description = "The token does not allow submitting for this "
                            + "forceCode (scope incidents:submit:<forceCode>); errors names forceCode. Nothing was accepted.",
                            headers = @Header(name = "WWW-Authenticate", description = "Bearer error=\"insufficient_scope\""),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "409", description = "An older revision than one accepted, or this revision "
                            + "was accepted with different content",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "413", description = "The body is over 256 KiB; refused before it is read",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "415", description = "The body is not sent as application/json",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "429", description = "This client is over its rate limit. Nothing was "
                            + "accepted; retry after the Retry-After seconds.",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "503", description = "Could not be published now, or the token could not "
                            + "be checked; nothing was accepted. Retry after the Retry-After seconds.",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA)))
            })
    public ResponseEntity<SubmissionReceipt> submit(@Parameter(hidden = true) @RequestBody JsonNode body,
            @Parameter(hidden = true) @RequestAttribute(PoliceClient.REQUEST_ATTRIBUTE) PoliceClient client,
            jakarta.servlet.http.HttpServletRequest request) {
        // counted for the incident's force (http/SubmissionMetrics) when this client may act for it, even if the rest
        // of the body is refused; a force the client may not act for is never a tag
        JsonNode claimed = body == null ? null : body.get("forceCode");
        if (claimed != null && claimed.isTextual() && client.mayActFor(claimed.asText())) {
            request.setAttribute(SubmissionMetrics.FORCE_ATTRIBUTE, claimed.asText());
        }
        IncidentSubmission submission = reader.read(body); // every field problem at once, or none
        if (!client.mayActFor(submission.forceCode())) {
            throw new ForceNotPermittedException(client, submission.forceCode());
        }
        SubmissionService.Outcome outcome;
        // the incident's id on every line of its submission (a field of its own in structured logs; never a name)
        try (MDC.MDCCloseable incident = MDC.putCloseable("incidentId",
                IncidentIds.forPoliceReference(submission.forceCode(), submission.policeReference()))) {
            outcome = submissions.submit(submission, client.clientId());
        }
        SubmissionReceipt receipt = new SubmissionReceipt(outcome.incidentId(), outcome.revision(),
                outcome.newlyAccepted() ? SubmissionReceipt.Status.ACCEPTED : SubmissionReceipt.Status.ALREADY_ACCEPTED);
        return ResponseEntity.status(outcome.newlyAccepted() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(BASE_PATH + "/" + outcome.incidentId()))
                .body(receipt);
    }

    @GetMapping(path = "/{incidentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status of an incident", operationId = "incidentStatus",
            description = "The accepted revisions of an incident with their status and instants. No personal data.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The incident's revisions",
                            content = @Content(schema = @Schema(implementation = IncidentStatusView.class))),
                    @ApiResponse(responseCode = "401", description = "No valid bearer token",
                            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge (RFC 6750)"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "404", description = "No revision of this incident was accepted, or it "
                            + "belongs to a force this client may not act for (answered alike)",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "429", description = "This client is over its rate limit",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "503", description = "The token could not be checked now",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA)))
            })
    public IncidentStatusView status(@PathVariable String incidentId,
            @Parameter(hidden = true) @RequestAttribute(PoliceClient.REQUEST_ATTRIBUTE) PoliceClient client) {
        SubmissionService.IncidentHistory history = permitted(incidentId, client);
        return new IncidentStatusView(history.incident().incidentId(), history.incident().forceCode(),
                history.incident().policeReference(), history.incident().latestRevision(),
                history.revisions().stream().map(r -> new IncidentStatusView.RevisionView(r.revision(),
                        r.status().name(), r.receivedAt(), r.publishedAt())).toList());
    }

    @GetMapping(path = "/{incidentId}/outcome", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What became of an incident", operationId = "incidentOutcome",
            description = "For the force that submitted it: per child (by revision and position in the submitted "
                    + "children list) the organisations alerted and each alert's state with the time of each step "
                    + "(sent, delivered, opened, actioned; failed, escalated, breached if they happen); children "
                    + "waiting on the local authority's working list, with the reason; alerts about the household. "
                    + "Ids, organisations, states and instants only: never a person's name or who opened an alert. "
                    + "Built from the platform's delivery events, so it follows them by a moment; the same steps are "
                    + "published on the topic incidents.outcome (key incidentId).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The incident's outcome so far",
                            content = @Content(schema = @Schema(implementation = IncidentOutcomeView.class))),
                    @ApiResponse(responseCode = "401", description = "No valid bearer token",
                            headers = @Header(name = "WWW-Authenticate", description = "Bearer challenge (RFC 6750)"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "404", description = "No revision of this incident was accepted, or it "
                            + "belongs to a force this client may not act for (answered alike)",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "429", description = "This client is over its rate limit",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA))),
                    @ApiResponse(responseCode = "503", description = "The token could not be checked now",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA)))
            })
    public IncidentOutcomeView outcome(@PathVariable String incidentId,
            @Parameter(hidden = true) @RequestAttribute(PoliceClient.REQUEST_ATTRIBUTE) PoliceClient client) {
        SubmissionService.IncidentHistory history = permitted(incidentId, client);
        OutcomeRules.Outcome outcome = OutcomeRules.decide(outcomes.steps(incidentId), outcomes.unresolved(incidentId));
        return IncidentOutcomeView.of(history.incident().incidentId(), history.incident().forceCode(),
                history.incident().policeReference(), history.incident().latestRevision(), outcome);
    }

    /** The incident, if this client may act for its force: another force's is answered exactly like an unknown one. */
    private SubmissionService.IncidentHistory permitted(String incidentId, PoliceClient client) {
        return submissions.history(incidentId)
                .filter(h -> client.mayActFor(h.incident().forceCode()))
                .orElseThrow(() -> new IncidentNotFoundException(incidentId));
    }
}
