package uk.safeguarding.notification.routing.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** notification.policy.location: the shipped policy by default, an area's own file instead, a bad one stops startup. */
class PolicyConfigurationTest {

    private final PolicyConfiguration configuration = new PolicyConfiguration();
    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    @Test
    void theDefaultLocationIsThePolicyShippedWithTheService() {
        SharingPolicy policy = configuration.sharingPolicy(resources.getResource("classpath:policy/information-sharing.yml"));
        assertThat(policy.version()).isEqualTo(SharingPolicy.standard().version());
    }

    @Test
    void aFileLocationReplacesTheShippedPolicy(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("area.yml");
        Files.writeString(file, """
                version: "area-file-3"
                recipients:
                  GP:
                    lawful-basis: "area basis"
                    fields: [occurredAt]
                """);
        SharingPolicy policy = configuration.sharingPolicy(resources.getResource("file:" + file));
        assertThat(policy.version()).isEqualTo("area-file-3");
        assertThat(policy.kinds()).containsExactly(uk.safeguarding.avro.AgencyKind.GP);
    }

    @Test
    void anUnknownFieldOrAMissingFileStopsStartupWithAClearMessage(@TempDir Path dir) {
        assertThatThrownBy(() -> configuration.sharingPolicy(new ClassPathResource("policy/unknown-field.yml")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("policy/unknown-field.yml")
                .hasMessageContaining("SCHOOL: unknown field 'voiceOfChlid'");
        assertThatThrownBy(() -> configuration.sharingPolicy(resources.getResource("file:" + dir.resolve("none.yml"))))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("file not found");
    }
}
