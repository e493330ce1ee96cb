package uk.safeguarding.notification.routing.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Loads the area's information-sharing policy from {@code notification.policy.location} (default: the one shipped,
 * {@code classpath:policy/information-sharing.yml}; an area points it at its own file with {@code file:...}).
 * A missing or invalid file stops the service at startup.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    public SharingPolicy sharingPolicy(
            @Value("${notification.policy.location:classpath:" + SharingPolicy.DEFAULT_RESOURCE + "}") Resource location) {
        String source = location.getDescription();
        if (!location.exists()) {
            throw new InvalidPolicyException(source, "file not found (notification.policy.location)");
        }
        try (InputStream in = location.getInputStream()) {
            SharingPolicy policy = SharingPolicy.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
            log.info("Information-sharing policy {} loaded from {}: kinds {}", policy.version(), source, policy.kinds());
            return policy;
        } catch (IOException e) {
            throw new InvalidPolicyException(source, "unreadable: " + e.getMessage());
        }
    }
}
