package uk.safeguarding.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;

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
            "org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration");

    /** Name the builder's properties carry once promoted above the configuration files. */
    static final String BUILDER_PROPERTIES = "schemaRegistryBuilderProperties";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The only way the registry is started (main, local run, testkit). Properties given to the returned builder
     * ({@code .properties(...)}) override schema-registry.yml: callers use them to place the registry (a free port,
     * the test database), and Spring would otherwise treat them as defaults that the file beats. Command-line
     * arguments still override them.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .properties(
                        "spring.config.name=" + CONFIG_NAME,
                        "spring.autoconfigure.exclude=" + String.join(",", EXCLUDED_AUTO_CONFIGURATIONS))
                .initializers(new BuilderPropertiesOverrideConfigFiles());
    }

    /**
     * Runs after the environment (with schema-registry.yml) is prepared and before any bean reads it; Spring keeps
     * the builder's "defaultProperties" last until then, so they can only be promoted here.
     */
    static final class BuilderPropertiesOverrideConfigFiles
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (!(sources.get("defaultProperties") instanceof MapPropertySource defaults)) {
                return;
            }
            sources.remove(defaults.getName());
            // renamed so that nothing later mistakes it for defaults and moves it back to the end
            PropertySource<?> promoted = new MapPropertySource(BUILDER_PROPERTIES, defaults.getSource());
            String commandLine = SimpleCommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME;
            if (sources.contains(commandLine)) {
                sources.addAfter(commandLine, promoted);
            } else {
                sources.addFirst(promoted);
            }
        }
    }
}
