package uk.safeguarding.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.ingest.support.TestIssuer;

/**
 * The service on a random port against the shared embedded broker, PostgreSQL and registry, trusting the tests'
 * {@link TestIssuer} as production trusts its identity provider. Every subclass has the same configuration, so
 * Spring's test context cache starts the service once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IncidentIngestApplication.CONFIG_NAME,
                "ingest.auth.issuer=" + TestIssuer.ISSUER,
                "ingest.auth.audience=" + TestIssuer.AUDIENCE,
                // generous for the tests' own client, which sends many requests in quick succession
                "ingest.rate-limit.requests-per-second=1000", "ingest.rate-limit.burst=1000",
                // a client with a tiny bucket, to see the rate limit without sleeping
                "ingest.rate-limit.clients." + IngestIntegrationTest.RATE_LIMITED_CLIENT + ".requests-per-second=0.01",
                "ingest.rate-limit.clients." + IngestIntegrationTest.RATE_LIMITED_CLIENT + ".burst=2"})
public abstract class IngestIntegrationTest {

    /** A police system allowed every force the tests submit for. */
    protected static final String TEST_CLIENT = "test-police-system";
    protected static final String RATE_LIMITED_CLIENT = "rate-limited-system";
    protected static final String[] TEST_FORCES = {"WMP", "GMP", "BTP", "WYP", "NYP", "MPS"};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IngestInfrastructure.register(registry);
        registry.add("ingest.auth.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
    }

    @LocalServerPort
    protected int port;

    /** As the tests' police system, with a valid token for {@link #TEST_FORCES}. */
    protected Http http() {
        return anonymous().withToken(TestIssuer.get().tokenFor(TEST_CLIENT, TEST_FORCES));
    }

    /** Without any credentials. */
    protected Http anonymous() {
        return new Http(port);
    }
}
