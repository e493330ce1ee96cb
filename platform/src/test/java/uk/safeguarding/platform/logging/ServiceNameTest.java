package uk.safeguarding.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several services in one JVM (the local run): each thread a service starts carries that service's name, and a log
 * line names the service it comes from, not the first one started.
 */
class ServiceNameTest {

    /** Starts a thread while the context starts, as a web server or a Kafka consumer does, and keeps what it saw. */
    static final class ThreadStartingBean implements SmartLifecycle {
        final CompletableFuture<String> seen = new CompletableFuture<>();
        volatile boolean running;

        @Override
        public void start() {
            Thread t = new Thread(() -> seen.complete(String.valueOf(ServiceName.current())));
            t.start();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    @SpringBootApplication(proxyBeanMethods = false)
    static class AService {
        @Bean
        ThreadStartingBean threads() {
            return new ThreadStartingBean();
        }
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplication(AService.class).run("--spring.application.name=" + name,
                "--spring.main.web-application-type=none", "--spring.main.banner-mode=off");
    }

    @Test
    void threadsAServiceStartsCarryItsNameAndTheStartingThreadIsLeftAsItWas() throws Exception {
        // given two services started one after the other on this thread
        try (ConfigurableApplicationContext first = start("first-service");
             ConfigurableApplicationContext second = start("second-service")) {
            // then each one's threads carry its own name
            assertThat(first.getBean(ThreadStartingBean.class).seen.get(10, TimeUnit.SECONDS)).isEqualTo("first-service");
            assertThat(second.getBean(ThreadStartingBean.class).seen.get(10, TimeUnit.SECONDS)).isEqualTo("second-service");
            // and this thread works for neither once they are started
            assertThat(ServiceName.current()).isNull();
        }
    }

    @Test
    void aLogLineNamesItsServiceByPackageThenByThread() {
        ServiceNameConverter converter = new ServiceNameConverter();
        LoggerContext context = new LoggerContext();
        String before = ServiceName.enter("schema-registry");
        try {
            // a service's own package wins over the thread
            assertThat(converter.convert(event(context, "uk.safeguarding.ingest.api.IncidentController")))
                    .isEqualTo("incident-ingest");
            assertThat(converter.convert(event(context, "uk.safeguarding.notification.routing.intake.X")))
                    .isEqualTo("notification-service");
            // a library's line takes the thread's service
            assertThat(converter.convert(event(context, "org.apache.kafka.clients.consumer.KafkaConsumer")))
                    .isEqualTo("schema-registry");
        } finally {
            ServiceName.restore(before);
        }
        // and a thread of no service says so
        assertThat(converter.convert(event(context, "org.apache.kafka.clients.consumer.KafkaConsumer"))).isEqualTo("-");
    }

    private static LoggingEvent event(LoggerContext context, String logger) {
        return new LoggingEvent(logger, context.getLogger(logger), Level.INFO, "a line", null, null);
    }
}
