package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest extends IngestIntegrationTest {

    @Test
    void openApiDocumentDescribesTheEndpointsAndTheirSchemas() {
        Http.Answer answer = anonymous().get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode api = answer.json();
        JsonNode submit = api.at("/paths/~1api~1v1~1incidents/post");
        assertThat(submit.isMissingNode()).isFalse();
        assertThat(submit.get("responses").fieldNames()).toIterable()
                .contains("200", "202", "400", "401", "403", "409", "429", "503");
        assertThat(api.at("/components/securitySchemes/policeSystemToken/scheme").asText()).isEqualTo("bearer");
        assertThat(submit.at("/security/0").fieldNames()).toIterable().containsExactly("policeSystemToken");
        JsonNode status = api.at("/paths/~1api~1v1~1incidents~1{incidentId}/get");
        assertThat(status.get("responses").fieldNames()).toIterable().contains("200", "404");
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.fieldNames()).toIterable()
                .contains("IncidentSubmission", "IncidentChild", "IncidentAdult", "PersonIdentifier",
                        "OfficerContact", "SubmissionReceipt", "IncidentStatus");
        assertThat(schemas.at("/IncidentSubmission/required").toString())
                .contains("forceCode", "policeReference", "occurredAt", "children", "attendingOfficer");
    }

    @Test
    void swaggerUiIsServed() {
        Http.Answer answer = anonymous().get("/swagger-ui.html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsIgnoringCase("swagger");
    }
}
