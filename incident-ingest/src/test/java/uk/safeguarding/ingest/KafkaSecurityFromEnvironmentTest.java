package uk.safeguarding.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/production/platform.env.example sets Kafka client security and the registry's basic auth through
 * environment variables named SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_<KAFKA_KEY>. This proves Spring turns
 * them into the dotted Kafka keys every binder client (producer, consumer, admin) receives, and the ingest's JWT
 * issuer settings into ingest.auth.*, exactly as the service reads them (relaxed binding from the environment).
 */
class KafkaSecurityFromEnvironmentTest {

    @Test
    void environmentVariablesBecomeKafkaClientPropertiesOfTheBinderAndIngestAuthSettings() {
        // given the environment of a production process
        StandardEnvironment environment = new StandardEnvironment();
        // in place of this JVM's real environment, under the name Spring treats as the environment
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG", "jaas-line",
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SSL_TRUSTSTORE_LOCATION", "/etc/truststore.p12",
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_BASIC_AUTH_USER_INFO", "key:secret",
                "INGEST_AUTH_ISSUER", "https://login.example/realms/police",
                "INGEST_AUTH_JWK_SET_URI", "https://login.example/realms/police/certs")));
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);

        // when the binder's client configuration is bound
        Map<String, String> kafka = binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).get();

        // then the Kafka clients get Kafka's own keys
        assertThat(kafka).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "jaas-line")
                .containsEntry("ssl.truststore.location", "/etc/truststore.p12")
                .containsEntry("basic.auth.user.info", "key:secret");
        assertThat(binder.bind("ingest.auth.issuer", String.class).get()).isEqualTo("https://login.example/realms/police");
        assertThat(binder.bind("ingest.auth.jwk-set-uri", String.class).get())
                .isEqualTo("https://login.example/realms/police/certs");
    }
}
