package uk.safeguarding.notification;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.spring.boot.starter.EnableMicronaut;
import io.micronaut.spring.boot.starter.MicronautBeanFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Routes every child of every reported incident to the services that look after the child: school, school nurse,
 * GP, health visiting (under school age) and probation (a supervised adult in the incident).
 *
 * <p>Read as in -> decide -> out: {@code intake} (Kafka edge) reads a batch of incidents, {@code directory} looks the
 * batch up in PostgreSQL, {@code routing} (plain Java) decides, {@code ledger} and {@code unresolved} record it, and
 * {@code intake} publishes alerts inside the same Kafka transaction.
 */
@SpringBootApplication
@EnableMicronaut(filter = NotificationServiceApplication.OwnBeansOnly.class)
public class NotificationServiceApplication {

    /** Configuration file name (notification-service.yml), distinct per service so several can share one JVM. */
    public static final String CONFIG_NAME = "notification-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /**
     * Expose only this service's Micronaut beans, its Micronaut Data repositories, to Spring. Micronaut's
     * processor also sees Spring stereotypes on our classes; those are Spring's beans already and stay out.
     */
    @Introspected
    public static final class OwnBeansOnly implements MicronautBeanFilter {
        @Override
        public boolean includes(@NonNull BeanDefinition<?> definition) {
            return definition.getBeanType().getName().startsWith("uk.safeguarding.notification.")
                    && definition.hasStereotype(io.micronaut.data.annotation.Repository.class);
        }
    }
}
