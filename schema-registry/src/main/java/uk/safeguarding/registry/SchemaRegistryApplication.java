package uk.safeguarding.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A schema registry speaking the Confluent Schema Registry REST API, stored in PostgreSQL. For the local run and
 * the tests; production points at a real Confluent Schema Registry by URL.
 */
@SpringBootApplication
public class SchemaRegistryApplication {

    /** Configuration file name (schema-registry.yml), distinct per service so several can share one JVM. */
    public static final String CONFIG_NAME = "schema-registry";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
