package uk.safeguarding.ingest.localissuer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.ingest.IncidentIngestApplication;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * The service as the local run starts it: its own token endpoint for locally configured clients, so the demo needs no
 * identity provider. Started through builder() like the launcher does; one instance for the class.
 */
class LocalIssuerTest {

    private static ConfigurableApplicationContext service;
    private static Http http;

    @BeforeAll
    static void start() {
        var infra = IngestInfrastructure.infra();
        service = IncidentIngestApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + infra.jdbcUrl(IngestInfrastructure.DATABASE),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--platform.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--platform.schema-registry.url=" + infra.schemaRegistryUrl(),
                "--ingest.auth.local-issuer.enabled=true",
                "--ingest.auth.local-issuer.clients[0].client-id=local-wmp",
                "--ingest.auth.local-issuer.clients[0].client-secret=local-only-secret",
                "--ingest.auth.local-issuer.clients[0].force-codes=WMP");
        http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aLocalClientGetsATokenWithItsSecretAndSubmitsForItsOwnForceOnly() {
        // when the local client asks for a token (client_secret_basic)
        Http.Answer token = http.postForm(LocalIssuerController.TOKEN_PATH, "grant_type=client_credentials",
                basic("local-wmp", "local-only-secret"));

        // then it gets a bearer token for its force
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.json().get("scope").asText()).isEqualTo("incidents:submit:WMP");
        Http asClient = http.withToken(token.json().get("access_token").asText());

        // and submits its own force's incident, but not another force's
        assertThat(asClient.post("/api/v1/incidents", incident("WMP", uniqueReference())).status()).isEqualTo(202);
        assertThat(asClient.post("/api/v1/incidents", incident("GMP", uniqueReference())).status()).isEqualTo(403);
    }

    @Test
    void clientSecretsMayAlsoBeSentInTheForm() {
        Http.Answer token = http.postForm(LocalIssuerController.TOKEN_PATH,
                "grant_type=client_credentials&client_id=local-wmp&client_secret=local-only-secret", null);

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
    }

    @Test
    void aWrongSecretOrUnknownClientGetsNoTokenAndAnotherGrantIsUnsupported() {
        Http.Answer wrongSecret = http.postForm(LocalIssuerController.TOKEN_PATH, "grant_type=client_credentials",
                basic("local-wmp", "guess"));
        Http.Answer unknown = http.postForm(LocalIssuerController.TOKEN_PATH, "grant_type=client_credentials",
                basic("someone", "local-only-secret"));
        Http.Answer password = http.postForm(LocalIssuerController.TOKEN_PATH, "grant_type=password",
                basic("local-wmp", "local-only-secret"));

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theJwkSetPublishesOnlyThePublicKey() {
        Http.Answer jwks = http.get(LocalIssuerController.JWKS_PATH);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.json().get("keys").get(0).has("d")).isFalse();
    }

    @Test
    void withoutAnIssuerAndWithoutTheLocalIssuerTheServiceRefusesToStart() {
        var infra = IngestInfrastructure.infra();

        assertThatThrownBy(() -> IncidentIngestApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + infra.jdbcUrl(IngestInfrastructure.DATABASE),
                "--platform.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--platform.schema-registry.url=" + infra.schemaRegistryUrl()).close())
                .hasStackTraceContaining("ingest.auth.issuer");
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
