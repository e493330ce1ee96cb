package uk.safeguarding.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;

/**
 * The service on a random port against the shared embedded broker, PostgreSQL and registry. Every subclass has the
 * same configuration, so Spring's test context cache starts the service once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + IncidentIngestApplication.CONFIG_NAME)
public abstract class IngestIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IngestInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http(port);
    }
}
