package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.TestIssuer;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * Every refusal carries its stable, machine-readable type (urn:problem:incident-ingest:&lt;code&gt;), the title that
 * goes with it and the request's correlation id. 429 is in RateLimitTest, 503 in KafkaUnavailableTest.
 */
class ProblemTypesTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    private static void assertProblem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:problem:incident-ingest:" + code);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("title").asText()).isNotBlank();
        assertThat(answer.json().get("correlationId").asText()).isEqualTo(answer.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void authenticationRefusalsSayWhetherATokenWasMissingOrNotAcceptable() {
        assertProblem(anonymous().post(PATH, incident("WMP", uniqueReference())), 401, "token-required");
        assertProblem(anonymous().withToken(TestIssuer.get().forgedTokenFor(TEST_CLIENT, "WMP"))
                .post(PATH, incident("WMP", uniqueReference())), 401, "invalid-token");
    }

    @Test
    void anotherForcesIncidentIsForceNotPermitted() {
        Http gmpOnly = anonymous().withToken(TestIssuer.get().tokenFor("gmp-only-system", "GMP"));

        assertProblem(gmpOnly.post(PATH, incident("WMP", uniqueReference())), 403, "force-not-permitted");
    }

    @Test
    void anUnknownIncidentIsIncidentNotFound() {
        assertProblem(http().get(PATH + "/" + UUID.randomUUID()), 404, "incident-not-found");
    }

    @Test
    void revisionConflictsSayWhetherTheRevisionIsStaleOrItsContentDiffers() {
        // given revision 2 accepted
        ObjectNode submission = incident("WMP", uniqueReference()).put("revision", 2);
        assertThat(http().post(PATH, submission).status()).isEqualTo(202);

        // when revision 1 arrives late, and revision 2 arrives changed
        Http.Answer stale = http().post(PATH, submission.deepCopy().put("revision", 1));
        Http.Answer changed = http().post(PATH, submission.deepCopy().put("circumstances", "Something else."));

        // then
        assertProblem(stale, 409, "stale-revision");
        assertProblem(changed, 409, "revision-content-conflict");
    }

    @Test
    void tooLargeWrongMediaTypeAndMalformedBodiesHaveTheirTypes() {
        ObjectNode huge = incident("WMP", uniqueReference()).put("circumstances", "x".repeat(300_000));

        assertProblem(http().post(PATH, huge), 413, "body-too-large");
        assertProblem(http().post(PATH, incident("WMP", uniqueReference()).toString(), "text/plain"), 415,
                "unsupported-media-type");
        assertProblem(http().post(PATH, "{\"forceCode\": "), 400, "malformed-json");
        assertProblem(http().post(PATH, incident("WMP", uniqueReference()).put("riskLevel", "SEVERE")), 400,
                "invalid-incident");
    }
}
