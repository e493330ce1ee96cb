package uk.safeguarding.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.List;

/**
 * A schema registry speaking the Confluent Schema Registry REST API, stored in PostgreSQL. For the local run and
 * the tests; production points at a real Confluent Schema Registry by URL.
 */
@SpringBootApplication
public class SchemaRegistryApplication {

    /** Configuration file name (schema-registry.yml), distinct per service so several can share one JVM. */
    public static final String CONFIG_NAME = "schema-registry";

    /**
     * Auto-configurations of libraries the other services bring into a shared JVM (local run, end-to-end tests). The
     * registry needs none of them; left in, they would start Kafka bindings and a Micronaut context inside it.
     * Naming a class that is not on the classpath is harmless.
     */
    static final List<String> EXCLUDED_AUTO_CONFIGURATIONS = List.of(
            "io.micronaut.spring.boot.starter.MicronautImportRegistrar",
            "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
            "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration",
            "org.springframework.cloud.stream.function.FunctionConfiguration",
            "org.springframework.cloud.stream.binder.kafka.config.ExtendedBindingHandlerMappingsProviderConfiguration",
            "org.springframework.cloud.stream.binder.kafka.config.MessageConverterHelperConfiguration",
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
            "org.springframework.cloud.function.cloudevent.CloudEventsFunctionExtensionConfiguration",
            "org.springframework.cloud.function.context.config.KotlinLambdaToFunctionAutoConfiguration",
            "org.springframework.cloud.function.context.config.FunctionsEndpointAutoConfiguration",
            "org.springframework.cloud.function.observability.ObservationAutoConfiguration",
            "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
            "org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration",
            // notification-service's inbox brings Spring Security: the registry is not behind its login
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration");

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The only way the registry is started (main, local run, testkit). Callers place it (a free port, a database) with
     * arguments to {@code run(...)}: properties set on the builder are defaults that schema-registry.yml overrides.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .properties(
                        "spring.config.name=" + CONFIG_NAME,
                        "spring.autoconfigure.exclude=" + String.join(",", EXCLUDED_AUTO_CONFIGURATIONS));
    }
}
