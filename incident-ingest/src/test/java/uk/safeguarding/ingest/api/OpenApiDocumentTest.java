package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.http.ProblemType;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.TestIssuer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/** The OpenAPI document as a police system's developer reads it (issue 14). */
class OpenApiDocumentTest extends IngestIntegrationTest {

    private static final String SUBMIT = "/paths/~1api~1v1~1incidents/post";
    private static final String STATUS = "/paths/~1api~1v1~1incidents~1{incidentId}/get";
    private static final String OUTCOME = "/paths/~1api~1v1~1incidents~1{incidentId}~1outcome/get";

    private JsonNode document() {
        Http.Answer answer = anonymous().get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void documentNamesTheApiAndTheClientCredentialsFlowOfTheIssuer() {
        // when
        JsonNode api = document();

        // then it says what it is, and how to get a token
        assertThat(api.at("/info/title").asText()).isEqualTo("Safeguarding incident intake API");
        assertThat(api.at("/info/version").asText()).isEqualTo("1");
        assertThat(api.at("/info/description").asText()).contains("incidents:submit:<forceCode>")
                .contains("urn:problem:incident-ingest:").contains("X-Correlation-Id").contains("RateLimit-Remaining");
        JsonNode scheme = api.at("/components/securitySchemes/policeSystemToken");
        assertThat(scheme.get("type").asText()).isEqualTo("oauth2");
        assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asText()).isEqualTo(TestIssuer.ISSUER + "/oauth2/token");
        assertThat(api.at(SUBMIT + "/security/0").fieldNames()).toIterable().containsExactly("policeSystemToken");
        assertThat(api.at(STATUS + "/security/0").fieldNames()).toIterable().containsExactly("policeSystemToken");
    }

    @Test
    void everyAnswerIsDocumentedAndEveryRefusalWithTheProblemBodyAndItsTypes() {
        // when
        JsonNode api = document();

        // then
        JsonNode submit = api.at(SUBMIT + "/responses");
        assertThat(submit.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("200", "202", "400", "401", "403", "409", "413", "415", "429", "503");
        JsonNode status = api.at(STATUS + "/responses");
        assertThat(status.fieldNames()).toIterable().containsExactlyInAnyOrder("200", "401", "404", "429", "503");
        for (JsonNode responses : List.of(submit, status)) {
            responses.fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as(response.getKey()).isEqualTo("#/components/schemas/Problem");
                    assertThat(response.getValue().get("description").asText()).as(response.getKey())
                            .contains("urn:problem:incident-ingest:");
                }
            });
        }
        JsonNode problem = api.at("/components/schemas/Problem");
        assertThat(problem.at("/properties/errors/type").asText()).isEqualTo("array");
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(api.at("/components/schemas/FieldProblem/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("field", "reason");
        List<String> types = new ArrayList<>();
        problem.at("/properties/type/enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
        assertThat(problem.at("/properties/correlationId/type").asText()).isEqualTo("string");
    }

    @Test
    void correlationIdAndRateLimitHeadersAreDocumented() {
        // when
        JsonNode api = document();

        // then the request header is offered on every operation, and the answers name theirs
        for (String operation : List.of(SUBMIT, STATUS)) {
            assertThat(api.at(operation + "/parameters").findValuesAsText("name")).as(operation).contains("X-Correlation-Id");
            assertThat(api.at(operation + "/responses/200/headers").fieldNames()).toIterable()
                    .contains("X-Correlation-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
            assertThat(api.at(operation + "/responses/429/headers").fieldNames()).toIterable()
                    .contains("X-Correlation-Id", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
            assertThat(api.at(operation + "/responses/401/headers").fieldNames()).toIterable()
                    .contains("X-Correlation-Id", "WWW-Authenticate");
        }
        assertThat(api.at(SUBMIT + "/responses/202/headers").fieldNames()).toIterable()
                .contains("Location", "RateLimit-Remaining");
    }

    @Test
    void theRequestExampleIsACompleteIncidentTheApiAccepts() throws Exception {
        // given the example the document gives for a submission
        JsonNode api = document();
        assertThat(api.at(SUBMIT + "/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/IncidentSubmission");
        assertThat(api.at("/components/schemas").has("JsonNode")).isFalse();
        JsonNode example = api.at(SUBMIT + "/requestBody/content/application~1json/examples/report/value");
        assertThat(example.isMissingNode()).isFalse();
        ObjectNode incident = (ObjectNode) (example.isTextual() ? new ObjectMapper().readTree(example.asText()) : example);
        assertThat(incident.fieldNames()).toIterable().contains("forceCode", "policeReference", "occurredAt",
                "children", "attendingOfficer", "adults", "consent", "revisionKind");
        incident.put("policeReference", uniqueReference()); // the shared topic already has this test's others

        // when it is sent as it is
        Http.Answer answer = http().post(IncidentController.BASE_PATH, incident);

        // then it is accepted
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    }

    @Test
    void theOutcomeIsDocumentedLikeTheStatusWithItsChildrenAlertsAndTimes() {
        JsonNode api = document();

        JsonNode responses = api.at(OUTCOME + "/responses");
        assertThat(responses.fieldNames()).toIterable().containsExactlyInAnyOrder("200", "401", "404", "429", "503");
        assertThat(responses.at("/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/IncidentOutcome");
        responses.fields().forEachRemaining(response -> {
            if (!response.getKey().startsWith("2")) {
                assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                        .as(response.getKey()).isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(api.at(OUTCOME + "/security/0").fieldNames()).toIterable().containsExactly("policeSystemToken");
        assertThat(api.at(OUTCOME + "/parameters").findValuesAsText("name")).contains("X-Correlation-Id");
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.at("/IncidentOutcome/properties").fieldNames()).toIterable()
                .contains("children", "household", "latestRevision");
        assertThat(schemas.at("/IncidentOutcomeChild/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("revision", "childIndex", "status", "waiting", "alerts");
        assertThat(schemas.at("/IncidentOutcomeAlert/properties").fieldNames()).toIterable()
                .contains("organisationId", "organisationName", "kind", "state", "sentAt", "deliveredAt", "openedAt",
                        "actionedAt", "failedAt", "escalatedAt", "breachedAt")
                .doesNotContain("actorId", "openedBy");
    }

    @Test
    void schemasOfTheSubmissionAndItsPartsAreDescribed() {
        JsonNode schemas = document().at("/components/schemas");

        assertThat(schemas.fieldNames()).toIterable()
                .contains("IncidentSubmission", "IncidentChild", "IncidentAdult", "PersonIdentifier",
                        "OfficerContact", "SubmissionReceipt", "IncidentStatus", "Problem", "FieldProblem");
        assertThat(schemas.at("/IncidentSubmission/required").toString())
                .contains("forceCode", "policeReference", "occurredAt", "children", "attendingOfficer");
    }
}
