package uk.safeguarding.ingest.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.ingest.support.TestIssuer;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/** The tests' context gives {@code rate-limited-system} a bucket of 2 refilled once every 100 s: no sleeping needed. */
class RateLimitTest extends IngestIntegrationTest {

    @Test
    void clientOverItsRateIsAnswered429WithRetryAfterAndNothingIsPublishedWhileOtherClientsGoOn() {
        // given the rate-limited client has used its burst of two
        Http limited = anonymous().withToken(TestIssuer.get().tokenFor(RATE_LIMITED_CLIENT, "WMP"));
        String unknown = "/api/v1/incidents/" + UUID.randomUUID();
        assertThat(limited.get(unknown).status()).isEqualTo(404);
        assertThat(limited.get(unknown).status()).isEqualTo(404);
        ObjectNode submission = incident("WMP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();

        // when it submits an incident
        Http.Answer answer = limited.post("/api/v1/incidents", submission);

        // then it is told to wait, and nothing was published
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 100L);
        assertThat(answer.json().get("clientId").asText()).isEqualTo(RATE_LIMITED_CLIENT);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:problem:incident-ingest:rate-limited");
        // with its limit as the RateLimit header fields say it: a bucket of 2, empty, full again in 100 to 200 s
        assertThat(answer.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(answer.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isBetween(100L, 200L);
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);

        // and another client is not held back by it
        assertThat(http().post("/api/v1/incidents", submission).status()).isEqualTo(202);
    }

    @Test
    void answersToAClientWithinItsRateCarryItsLimitWhatRemainsAndWhenItIsFullAgain() {
        // given a client of its own, with the default bucket of the tests' context (1000, refilled at 1000/s)
        Http client = anonymous().withToken(TestIssuer.get().tokenFor("rate-headers-" + UUID.randomUUID(), "WMP"));

        // when it submits an incident
        Http.Answer answer = client.post("/api/v1/incidents", incident("WMP", uniqueReference()));

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.header("RateLimit-Limit")).isEqualTo("1000");
        assertThat(Integer.parseInt(answer.header("RateLimit-Remaining"))).isBetween(990, 999);
        assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isBetween(0L, 1L);
        assertThat(answer.header("Retry-After")).isNull();
    }
}
