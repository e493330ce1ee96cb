package uk.safeguarding.platform.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Health of what every service depends on beyond Boot's own indicators (database: {@code db}; Kafka: the binder's
 * {@code binders}): the schema registry as {@code schemaRegistry}, for the readiness group. Off with
 * {@code platform.health.schema-registry.enabled=false} (the registry itself).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class PlatformHealthAutoConfiguration {

    @Bean(name = "schemaRegistryHealthIndicator")
    @ConditionalOnMissingBean(name = "schemaRegistryHealthIndicator")
    @ConditionalOnProperty(name = "platform.health.schema-registry.enabled", havingValue = "true", matchIfMissing = true)
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(
            @Value("${platform.schema-registry.url:http://localhost:8081}") String url,
            @Value("${spring.cloud.stream.kafka.binder.configuration.basic.auth.user.info:}") String userInfo,
            @Value("${platform.health.schema-registry.timeout:PT2S}") Duration timeout) {
        return new SchemaRegistryHealthIndicator(url, userInfo, timeout);
    }
}
