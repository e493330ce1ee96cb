package uk.safeguarding.platform.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs, set in compose and the Kubernetes ConfigMap): one JSON
 * object a line, naming the service, with the MDC's incident and alert ids as fields of their own. This holds for every
 * service because none ships its own logback configuration (only the local run does).
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @SpringBootApplication(proxyBeanMethods = false)
    static class AService {
    }

    @Test
    void withEcsEachLineIsOneJsonObjectNamingTheServiceAndCarryingTheIncidentAndAlertIds(CapturedOutput output) {
        // given a service started with structured console logs, as production starts it
        try (ConfigurableApplicationContext context = new SpringApplication(AService.class).run(
                "--logging.structured.format.console=ecs", "--spring.application.name=incident-ingest",
                "--spring.main.web-application-type=none", "--spring.main.banner-mode=off")) {
            // when it logs inside an incident's and an alert's context
            try (MDC.MDCCloseable incident = MDC.putCloseable("incidentId", "4b6f0c2e-incident");
                 MDC.MDCCloseable alert = MDC.putCloseable("alertId", "9d1e-alert")) {
                LoggerFactory.getLogger("uk.safeguarding.ingest.Probe").info("structured-log-probe routed");
            }
        }

        // then the line is JSON with the service's name and both ids as fields
        String line = output.getOut().lines().filter(l -> l.contains("structured-log-probe")).findFirst().orElseThrow();
        assertThat(line).startsWith("{").endsWith("}");
        assertThat(line).containsAnyOf("\"service.name\":\"incident-ingest\"", "\"service\":{\"name\":\"incident-ingest\"");
        assertThat(line).contains("\"incidentId\":\"4b6f0c2e-incident\"", "\"alertId\":\"9d1e-alert\"",
                "structured-log-probe routed");
    }
}
