package uk.safeguarding.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import uk.safeguarding.platform.logging.ServiceName;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's console (its logback.xml): each line names the service it comes from, not the first service
 * started in the JVM.
 */
class LocalLogLinesNameTheirServiceTest {

    @Test
    void eachLineNamesItsServiceByPackageOrByTheThreadItRunsOn() throws Exception {
        // given the local run's logging configuration
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LocalPlatform.class.getResource("/logback.xml"));
        OutputStreamAppender<?> console = (OutputStreamAppender<?>) context.getLogger("ROOT").getAppender("CONSOLE");
        assertThat(console).as("the CONSOLE appender of logback.xml").isNotNull();

        // when lines come from each service's packages, and a library's line from a thread of the ingest service
        String registry = line(context, console, "uk.safeguarding.registry.web.SchemaRegistryController");
        String notification = line(context, console, "uk.safeguarding.notification.routing.intake.IncidentBatchRouter");
        String before = ServiceName.enter("incident-ingest");
        String library;
        try {
            library = line(context, console, "org.apache.kafka.clients.producer.KafkaProducer");
        } finally {
            ServiceName.restore(before);
        }
        String launcher = line(context, console, "uk.safeguarding.local.LocalPlatform");

        // then each names its own
        assertThat(registry).contains("[schema-registry]");
        assertThat(notification).contains("[notification-service]").doesNotContain("schema-registry");
        assertThat(library).contains("[incident-ingest]").doesNotContain("schema-registry");
        assertThat(launcher).contains("[-]");
        context.stop();
    }

    @SuppressWarnings("unchecked")
    private static String line(LoggerContext context, OutputStreamAppender<?> console, String logger) {
        LoggingEvent event = new LoggingEvent(logger, context.getLogger(logger), Level.WARN, "a line", null, null);
        byte[] bytes = ((ch.qos.logback.core.encoder.Encoder<Object>) (Object) console.getEncoder()).encode(event);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
