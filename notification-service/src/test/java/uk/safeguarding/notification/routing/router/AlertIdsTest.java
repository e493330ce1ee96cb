package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIdsTest {

    @Test
    void theSameIncidentRevisionChildAndRecipientAlwaysGiveTheSameUuid() {
        String id = AlertIds.of("inc-1", 1, "CH-1", "ORG-1");
        assertThat(AlertIds.of("inc-1", 1, "CH-1", "ORG-1")).isEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
    }

    @Test
    void eachPartChangesTheId() {
        Set<String> ids = Set.of(AlertIds.of("inc-1", 1, "CH-1", "ORG-1"), AlertIds.of("inc-2", 1, "CH-1", "ORG-1"),
                AlertIds.of("inc-1", 2, "CH-1", "ORG-1"), AlertIds.of("inc-1", 1, "CH-2", "ORG-1"),
                AlertIds.of("inc-1", 1, "CH-1", "ORG-2"));
        assertThat(ids).hasSize(5);
    }

    @Test
    void anAlertIdFromAUrlIsReadOnlyWhenItIsAnId() {
        String id = AlertIds.of("INC-1", 1, "CH-1", "ORG-1");
        org.assertj.core.api.Assertions.assertThat(AlertIds.parse(id)).contains(java.util.UUID.fromString(id));
        org.assertj.core.api.Assertions.assertThat(AlertIds.parse("not-an-id")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(AlertIds.parse(null)).isEmpty();
    }
}
