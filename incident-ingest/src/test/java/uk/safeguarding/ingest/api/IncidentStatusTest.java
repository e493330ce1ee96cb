package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

class IncidentStatusTest extends IngestIntegrationTest {

    @Test
    void statusListsEveryAcceptedRevisionWithoutPersonalData() {
        // given revisions 1 and 2 of an incident accepted
        String reference = uniqueReference();
        ObjectNode submission = incident("WMP", reference);
        Http.Answer first = http().post("/api/v1/incidents", submission);
        assertThat(http().post("/api/v1/incidents", submission.put("revision", 2)).status()).isEqualTo(202);

        // when its status is asked for at the Location given
        Http.Answer answer = http().get(first.header("Location"));

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode status = answer.json();
        assertThat(status.get("incidentId").asText()).isEqualTo(first.json().get("incidentId").asText());
        assertThat(status.get("forceCode").asText()).isEqualTo("WMP");
        assertThat(status.get("policeReference").asText()).isEqualTo(reference);
        assertThat(status.get("latestRevision").asInt()).isEqualTo(2);
        assertThat(status.get("revisions")).hasSize(2);
        assertThat(status.get("revisions").get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(status.get("revisions").get(0).get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(status.get("revisions").get(1).get("revision").asInt()).isEqualTo(2);
        assertThat(status.get("revisions").get(1).get("status").asText()).isEqualTo("PUBLISHED");
        for (JsonNode revision : status.get("revisions")) {
            Instant received = Instant.parse(revision.get("receivedAt").asText());
            Instant published = Instant.parse(revision.get("publishedAt").asText());
            assertThat(published).isAfterOrEqualTo(received);
        }
        assertThat(answer.body()).doesNotContain("Robin").doesNotContain("Sample").doesNotContain("2016-05-04")
                .doesNotContain("hid in my room");
    }

    @Test
    void unknownIncidentAnswersNotFoundAsAProblem() {
        String unknown = UUID.randomUUID().toString();

        Http.Answer answer = http().get("/api/v1/incidents/" + unknown);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("incidentId").asText()).isEqualTo(unknown);
    }
}
