package uk.safeguarding.notification.shared.retention;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic that names people must not keep them longer than the database does (or the purge would be for show), nor
 * shorter (a replay would then rebuild less than the database still shows).
 */
class RetentionDefaultsTest {

    @Test
    void shippedDatabaseRetentionMatchesTheRetentionOfTheTopicsCarryingTheSameData() throws Exception {
        // given the retention shipped in notification-service.yml
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("shipped", new ClassPathResource("notification-service.yml"))
                .forEach(environment.getPropertySources()::addLast);
        RetentionPolicy policy = new Binder(ConfigurationPropertySources.get(environment))
                .bind("notification.retention", RetentionProperties.class).get().policy();

        // then every alert kind's retention equals its topic's, and unresolved children's equals theirs
        Topics.alertTopics().forEach((kind, topic) -> assertThat(policy.forAlerts(kind))
                .as("retention of %s alerts vs topic %s", kind, topic.name()).isEqualTo(topic.retention()));
        assertThat(policy.unresolved()).isEqualTo(Topics.UNRESOLVED.retention());
        assertThat(policy.forAlerts(AgencyKind.CHILDRENS_SOCIAL_CARE)).isEqualTo(Topics.SOCIAL_CARE_RETENTION);
        assertThat(policy.audit()).isEqualTo(Topics.AUDIT.retention());
    }
}
