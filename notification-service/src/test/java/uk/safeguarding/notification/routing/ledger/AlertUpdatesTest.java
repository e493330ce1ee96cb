package uk.safeguarding.notification.routing.ledger;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.AlertUpdate;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertUpdatesTest {

    private static AgencyAlert alert(int revision, RiskLevel risk, String words) {
        return AgencyAlert.newBuilder()
                .setAlertId("alert-" + revision).setIncidentId("INC").setIncidentRevision(revision)
                .setForceCode("TST").setPoliceReference("REF")
                .setRecipient(Recipient.newBuilder().setOrganisationId("ORG").setOrganisationName("Org")
                        .setKind(AgencyKind.GP).build())
                .setChild(AlertChild.newBuilder().setChildId("CH").setGivenName("Tamsin").setFamilyName("Invented").build())
                .setDisclosed(Disclosure.newBuilder().setOccurredAt(Instant.parse("2026-11-20T22:15:00Z"))
                        .setRiskLevel(risk).setVoiceOfChild(words).setChildPresent(true).build())
                .setRoutedAt(Instant.parse("2026-11-20T23:15:00Z"))
                .build();
    }

    @Test
    void aCorrectionNamesTheChangedFieldsAndTheRiskLevelsDirectionButNoFreeText() {
        // given revision 1 and a correction raising the risk and changing the child's words
        AgencyAlert previous = alert(1, RiskLevel.MEDIUM, "I hid");
        AgencyAlert current = alert(2, RiskLevel.HIGH, "I hid and called my nan");

        // when
        AlertUpdate update = AlertUpdates.of(previous, current, RevisionKind.CORRECTION);

        // then
        assertThat(update.getPreviousRevision()).isEqualTo(1);
        assertThat(update.getPreviousAlertId()).isEqualTo("alert-1");
        assertThat(update.getRevisionKind()).isEqualTo(RevisionKind.CORRECTION);
        assertThat(update.getChanges()).extracting(CharSequence::toString)
                .containsExactly("risk level raised from MEDIUM to HIGH", "child's words changed");
        assertThat(String.join(" ", update.getChanges())).doesNotContain("nan");
    }

    @Test
    void anUnchangedRevisionHasNoChangesAndALowerRiskIsLowered() {
        assertThat(AlertUpdates.changes(alert(1, RiskLevel.MEDIUM, "x"), alert(2, RiskLevel.MEDIUM, "x"))).isEmpty();
        assertThat(AlertUpdates.changes(alert(1, RiskLevel.HIGH, "x"), alert(2, RiskLevel.STANDARD, "x")))
                .containsExactly("risk level lowered from HIGH to STANDARD");
    }

    @Test
    void aRecipientNoLongerConcernedIsToldSoWithoutANewDeadline() {
        // given the earlier alert and a "no further action" revision 2 that no longer routes to this recipient
        AgencyAlert previous = alert(1, RiskLevel.MEDIUM, "x");
        IncidentReported nfa = SampleIncidents.incident("TST", "REF").setIncidentId("INC").setRevision(2)
                .setRevisionKind(RevisionKind.NO_FURTHER_ACTION).build();

        // when
        AgencyAlert notice = RevisionUpdates.withdrawal(previous, nfa, RevisionKind.NO_FURTHER_ACTION,
                Instant.parse("2026-11-21T09:00:00Z"));

        // then
        assertThat(notice.getIncidentRevision()).isEqualTo(2);
        assertThat(notice.getAlertId()).isNotEqualTo(previous.getAlertId());
        assertThat(notice.getDueBy()).isNull();
        assertThat(notice.getUpdate().getChanges()).extracting(CharSequence::toString)
                .containsExactly(AlertUpdates.NO_LONGER_CONCERNS);
        assertThat(notice.getUpdate().getPreviousAlertId()).isEqualTo("alert-1");
        assertThat(notice.getRecipient().getOrganisationId()).isEqualTo("ORG");
        assertThat(List.of(notice.getChild().getChildId())).containsExactly("CH");
    }
}
