package uk.safeguarding.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.registry.support.RunningRegistry;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module's test classpath holds Spring Cloud Stream's Kafka binder and micronaut-spring-boot-starter, as the
 * local run's and other modules' test JVMs do. Started through {@code builder()}, the registry must ignore them and
 * honour the arguments its caller passes (the testkit passes a free port and its database that way).
 */
class StartsBesideOtherServicesTest {

    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("beside_services");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void noKafkaStreamFunctionOrMicronautBeansAreCreatedAlthoughOnTheClasspath() {
        ConfigurableApplicationContext context = registry.context();

        assertThat(classPresent("org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder")).isTrue();
        assertThat(classPresent("io.micronaut.spring.boot.starter.MicronautImportRegistrar")).isTrue();
        assertThat(Arrays.stream(context.getBeanDefinitionNames())
                .map(name -> context.getBeanFactory().getBeanDefinition(name).getBeanClassName())
                .filter(type -> type != null)
                .filter(type -> type.startsWith("io.micronaut")
                        || type.startsWith("org.springframework.cloud.stream")
                        || type.startsWith("org.springframework.cloud.function")
                        || type.startsWith("org.springframework.kafka")))
                .isEmpty();
        assertThat(context.getBeanNamesForType(classOrNull("org.springframework.kafka.core.KafkaTemplate"))).isEmpty();
    }

    @Test
    void argumentsGivenToTheBuilderOverrideTheConfigurationFile() {
        // schema-registry.yml says 8081 and localhost:5432; the test passed port 0 and the embedded database
        assertThat(registry.url()).doesNotEndWith(":8081");
        assertThat(registry.context().getEnvironment().getProperty("spring.datasource.url")).doesNotContain(":5432/");
        assertThat(registry.context().getEnvironment().getProperty("spring.config.name"))
                .isEqualTo(SchemaRegistryApplication.CONFIG_NAME);
    }

    private static boolean classPresent(String name) {
        return classOrNull(name) != Void.class;
    }

    private static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return Void.class;
        }
    }
}
