package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.ingest.IncidentIngestApplication;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.ingest.support.TestIssuer;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.testkit.TopicProbe;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * A second instance of the service, sharing the database but pointed at a port where no broker listens, shows what
 * a force sees when Kafka is down; the shared broker keeps running for everything else.
 */
class KafkaUnavailableTest extends IngestIntegrationTest {

    @Test
    void kafkaUnavailableAnswers503AcceptsNothingAndTheSameSubmissionSucceedsOnceKafkaIsBack() throws Exception {
        // given an instance whose broker is unreachable
        ObjectNode submission = incident("WMP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();
        Http.Answer refused;
        try (ConfigurableApplicationContext withoutKafka = startWithBrokerAt("localhost:" + closedPort())) {
            Http unreachable = new Http(((WebServerApplicationContext) withoutKafka).getWebServer().getPort())
                    .withToken(TestIssuer.get().tokenFor(TEST_CLIENT, "WMP"));

            // when
            Instant start = Instant.now();
            refused = unreachable.post("/api/v1/incidents", submission);

            // then the force is told to retry, promptly, and why
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("30");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:problem:incident-ingest:publishing-unavailable");
            assertThat(refused.json().get("detail").asText()).contains("NOT accepted");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        }

        // and nothing was recorded as accepted or published
        String incidentId = IncidentIds.forPoliceReference("WMP", submission.get("policeReference").asText());
        assertThat(http().get("/api/v1/incidents/" + incidentId).status()).isEqualTo(404);
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);

        // when the same submission is retried with Kafka reachable
        Http.Answer retried = http().post("/api/v1/incidents", submission);

        // then it is accepted and published once
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.json().get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(IngestInfrastructure.incidentsEndOffset() - before).isEqualTo(1);
        try (TopicProbe<IncidentReported> incidents = IngestInfrastructure.incidentsProbe()) {
            assertThat(incidents.await(1, r -> incidentId.equals(r.getIncidentId()))).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext startWithBrokerAt(String bootstrapServers) {
        var infra = IngestInfrastructure.infra();
        // command-line arguments: they outrank incident-ingest.yml (builder properties would not)
        return IncidentIngestApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + infra.jdbcUrl(IngestInfrastructure.DATABASE),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--platform.kafka.bootstrap-servers=" + bootstrapServers,
                "--platform.schema-registry.url=" + infra.schemaRegistryUrl(),
                "--ingest.auth.issuer=" + TestIssuer.ISSUER,
                "--ingest.auth.jwk-set-uri=" + TestIssuer.get().jwkSetUri(),
                "--ingest.publish.max-block-ms=1500",
                "--ingest.publish.request-timeout-ms=1000",
                "--ingest.publish.delivery-timeout-ms=2500",
                "--ingest.publish.send-timeout-ms=3000");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
