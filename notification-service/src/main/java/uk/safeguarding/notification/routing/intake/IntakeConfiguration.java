package uk.safeguarding.notification.routing.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * The consumer function, bound in notification-service.yml ({@code spring.cloud.function.definition: routeIncidents},
 * batch mode, raw bytes). Outputs go through StreamBridge, not a function return value, because one batch fans out
 * to several topics (one per agency kind, unresolved, dead letters).
 */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    public Consumer<Message<List<?>>> routeIncidents(IncidentBatchProcessor processor) {
        return processor::process;
    }
}
