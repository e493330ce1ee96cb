package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.child;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * The HTTPS door applies the same contract as the Kafka door (IncidentContract), reads JSON strictly, and refuses a
 * body too large before reading it. Whatever is refused is not published.
 */
class IncidentContractAtTheDoorTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    private Http.Answer refused(Object body) {
        return unpublished(() -> http().post(PATH, body));
    }

    private static Http.Answer unpublished(java.util.function.Supplier<Http.Answer> request) {
        long before = IngestInfrastructure.incidentsEndOffset();
        Http.Answer answer = request.get();
        assertThat(IngestInfrastructure.incidentsEndOffset()).as("nothing published").isEqualTo(before);
        return answer;
    }

    @Test
    void aNulInAChildsNameIsRefusedWithTheFieldAndNeverReachesTheTopic() {
        ObjectNode incident = incident("WMP", uniqueReference());
        child(incident, 0).put("givenName", "Ro\u0000bin");

        Http.Answer answer = refused(incident);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").toString())
                .contains("children[0].givenName").contains("must not contain control characters")
                .doesNotContain("bin");
    }

    @Test
    void aChildBornAfterTheIncidentIsRefused() {
        ObjectNode incident = incident("WMP", uniqueReference());
        child(incident, 0).put("dateOfBirth", "2026-11-25"); // the incident happened on 20 November 2026

        Http.Answer answer = refused(incident);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").toString()).contains("children[0].dateOfBirth")
                .contains("must not be after the incident");
    }

    @Test
    void jsonIsReadAsWrittenWithoutCoercionTrailingDataOrDuplicateKeys() {
        ObjectNode quotedRevision = incident("WMP", uniqueReference()).put("revision", "1");
        ObjectNode fractionalRevision = incident("WMP", uniqueReference()).put("revision", 1.5);
        ObjectNode numericForce = incident("WMP", uniqueReference()).put("forceCode", 123);
        ObjectNode quotedBoolean = incident("WMP", uniqueReference());
        child(quotedBoolean, 0).put("present", "true");
        String trailing = incident("WMP", uniqueReference()).toString() + " {}";
        String duplicate = incident("WMP", uniqueReference()).toString()
                .replaceFirst("\\{", "{\"forceCode\":\"GMP\",");

        for (Object body : new Object[]{quotedRevision, fractionalRevision, numericForce, quotedBoolean, trailing,
                duplicate}) {
            assertThat(refused(body).status()).as(body.toString().substring(0, 60)).isEqualTo(400);
        }
    }

    @Test
    void aBodyOverTheLimitIsAnswered413BeforeItIsRead() {
        ObjectNode huge = incident("WMP", uniqueReference()).put("circumstances", "x".repeat(300_000));

        Http.Answer declared = refused(huge);
        Http.Answer chunked = unpublished(() -> http().postChunked(PATH, huge.toString()));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(chunked.status()).isEqualTo(413);
    }
}
