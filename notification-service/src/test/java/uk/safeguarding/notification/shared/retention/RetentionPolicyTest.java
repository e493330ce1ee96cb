package uk.safeguarding.notification.shared.retention;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aKindWithItsOwnRetentionUsesItAndEveryOtherKindTheDefault() {
        // given children's social care kept two years and everything else one
        RetentionPolicy policy = new RetentionPolicy(Map.of(AgencyKind.CHILDRENS_SOCIAL_CARE, Duration.ofDays(730)),
                Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(30), Duration.ofDays(2000));

        // then the cutoffs differ by kind
        assertThat(policy.alertCutoff(AgencyKind.CHILDRENS_SOCIAL_CARE, NOW)).isEqualTo(NOW.minus(Duration.ofDays(730)));
        assertThat(policy.alertCutoff(AgencyKind.SCHOOL, NOW)).isEqualTo(NOW.minus(Duration.ofDays(365)));
        assertThat(policy.unresolvedCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(policy.webhookBodyCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(policy.auditCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofDays(2000)));
    }

    @Test
    void aZeroOrNegativeRetentionIsRefusedRatherThanPurgingEverything() {
        assertThatThrownBy(() -> new RetentionPolicy(Map.of(AgencyKind.SCHOOL, Duration.ZERO), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCHOOL");
        assertThatThrownBy(() -> new RetentionPolicy(Map.of(), Duration.ofDays(-1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other alerts");
    }

    @Test
    void configurationKeysNameRecipientKindsInKebabCase() {
        RetentionProperties properties = new RetentionProperties(Map.of("school-nurse", Duration.ofDays(100)),
                null, null, null, null, null, null, null);
        assertThat(properties.policy().forAlerts(AgencyKind.SCHOOL_NURSE)).isEqualTo(Duration.ofDays(100));
        assertThat(properties.policy().forAlerts(AgencyKind.GP)).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> new RetentionProperties(Map.of("schools", Duration.ofDays(1)), null, null, null,
                null, null, null, null).policy()).hasMessageContaining("notification.retention.alerts.schools");
    }
}
