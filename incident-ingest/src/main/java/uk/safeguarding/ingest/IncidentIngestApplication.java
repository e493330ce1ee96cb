package uk.safeguarding.ingest;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.spring.boot.starter.EnableMicronaut;
import io.micronaut.spring.boot.starter.MicronautBeanFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Police forces submit domestic abuse incidents here over HTTPS; each accepted revision is published once to the
 * incidents topic for the notification service to route.
 *
 * <p>{@code @EnableMicronaut} with a filter (instead of the starter's auto-configuration) so only this service's
 * own Micronaut beans (its Micronaut Data repositories) become Spring beans: otherwise micronaut-spring's
 * TransactionInterceptor clashes with Spring's, and, in the local run where several services share one JVM, another
 * service's repositories would be exposed here too.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration"})
@EnableMicronaut(filter = IncidentIngestApplication.IngestBeansOnly.class)
public class IncidentIngestApplication {

    /** Configuration file name (incident-ingest.yml), distinct per service so several can share one JVM. */
    public static final String CONFIG_NAME = "incident-ingest";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * Spring Security comes onto the classpath with notification-service's inbox when both share a JVM (local run,
     * end-to-end tests), and its JOSE part with this service's own token checks; police systems are authenticated
     * by this service's own filter (uk.safeguarding.ingest.access), so Boot's default login must not lock its API.
     * Excluded here and on the application class (which also covers @SpringBootTest). Naming classes absent from
     * the classpath is harmless.
     */
    static final String NOT_THIS_SERVICES_AUTO_CONFIGURATIONS = String.join(",",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration");

    /** The only way the local run and the tests start this service. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IncidentIngestApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME,
                        "spring.autoconfigure.exclude=" + NOT_THIS_SERVICES_AUTO_CONFIGURATIONS);
    }

    /** Exposes only Micronaut beans declared in this service's package to Spring. */
    @Introspected
    public static final class IngestBeansOnly implements MicronautBeanFilter {
        @Override
        public boolean includes(@NonNull BeanDefinition<?> definition) {
            return definition.getBeanType().getName().startsWith("uk.safeguarding.ingest.");
        }
    }
}
