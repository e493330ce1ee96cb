package uk.safeguarding.notification.routing.ledger;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The revision stage alone: what a newer revision tells the recipients of the one before it (no database). */
class RevisionUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static IncidentReported incident(int revision, RevisionKind kind) {
        return SampleIncidents.incident("TST", "TST-REF-1").setIncidentId("INC").setRevision(revision)
                .setRevisionKind(kind).build();
    }

    private static AgencyAlert alert(int revision, String child, String organisation, RiskLevel risk) {
        return AgencyAlert.newBuilder()
                .setAlertId("alert-" + revision + "-" + child + "-" + organisation).setIncidentId("INC")
                .setIncidentRevision(revision).setForceCode("TST").setPoliceReference("TST-REF-1")
                .setRecipient(Recipient.newBuilder().setOrganisationId(organisation).setOrganisationName("Org")
                        .setKind(AgencyKind.GP).build())
                .setChild(AlertChild.newBuilder().setChildId(child).setGivenName("Tamsin").setFamilyName("Invented").build())
                .setDisclosed(Disclosure.newBuilder().setOccurredAt(Instant.parse("2026-11-20T22:15:00Z"))
                        .setRiskLevel(risk).setChildPresent(true).build())
                .setRoutedAt(Instant.parse("2026-11-20T23:15:00Z"))
                .build();
    }

    private static Map<AlertLedger.Key, AgencyAlert> recorded(AgencyAlert... alerts) {
        java.util.Map<AlertLedger.Key, AgencyAlert> map = new java.util.LinkedHashMap<>();
        for (AgencyAlert a : alerts) {
            map.put(AlertLedger.Key.of(a), a);
        }
        return map;
    }

    @Test
    void aFirstRevisionIsNeitherAnUpdateNorAWithdrawal() {
        AgencyAlert first = alert(1, "CH-1", "GP-1", RiskLevel.MEDIUM);

        List<AgencyAlert> notices = RevisionUpdates.decide(
                List.of(new RevisionUpdates.Revision(incident(1, RevisionKind.REPORT), List.of(first))), Map.of(), NOW);

        assertThat(notices).isEmpty();
        assertThat(first.getUpdate()).isNull();
    }

    @Test
    void aCorrectionUpdatesTheSameRecipientsAlertAndTellsTheOneNoLongerConcerned() {
        // given revision 1 went to the GP and the school
        AgencyAlert toGp = alert(1, "CH-1", "GP-1", RiskLevel.MEDIUM);
        AgencyAlert toSchool = alert(1, "CH-1", "SCH-1", RiskLevel.MEDIUM);
        // when a correction raises the risk and routes to the GP only
        AgencyAlert corrected = alert(2, "CH-1", "GP-1", RiskLevel.HIGH);
        List<AgencyAlert> notices = RevisionUpdates.decide(
                List.of(new RevisionUpdates.Revision(incident(2, RevisionKind.CORRECTION), List.of(corrected))),
                recorded(toGp, toSchool), NOW);

        // then the GP's alert replaces its earlier one and says what changed
        assertThat(corrected.getUpdate().getPreviousAlertId()).isEqualTo(toGp.getAlertId());
        assertThat(corrected.getUpdate().getRevisionKind()).isEqualTo(RevisionKind.CORRECTION);
        assertThat(corrected.getUpdate().getChanges()).extracting(CharSequence::toString)
                .contains("risk level raised from MEDIUM to HIGH");
        // and the school is told, once, that the incident no longer concerns it, with no deadline
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.getRecipient().getOrganisationId()).isEqualTo("SCH-1");
            assertThat(n.getIncidentRevision()).isEqualTo(2);
            assertThat(n.getDueBy()).isNull();
            assertThat(n.getUpdate().getChanges()).extracting(CharSequence::toString)
                    .containsExactly(AlertUpdates.NO_LONGER_CONCERNS);
            assertThat(n.getAlertId()).isNotEqualTo(toSchool.getAlertId());
        });
    }

    @Test
    void twoRevisionsInOneBatchUpdateInOrderAndAWithdrawnRecipientIsToldOnlyOnce() {
        // given revision 1 went to the school; revisions 3 and 2 arrive in one batch, neither to the school
        AgencyAlert toSchool = alert(1, "CH-1", "SCH-1", RiskLevel.MEDIUM);
        AgencyAlert second = alert(2, "CH-1", "GP-1", RiskLevel.MEDIUM);
        AgencyAlert third = alert(3, "CH-1", "GP-1", RiskLevel.HIGH);

        List<AgencyAlert> notices = RevisionUpdates.decide(List.of(
                        new RevisionUpdates.Revision(incident(3, RevisionKind.UPDATE), List.of(third)),
                        new RevisionUpdates.Revision(incident(2, RevisionKind.UPDATE), List.of(second))),
                recorded(toSchool), NOW);

        // then revision 3's GP alert updates revision 2's, and the school hears "no longer" once, at revision 2
        assertThat(third.getUpdate().getPreviousAlertId()).isEqualTo(second.getAlertId());
        assertThat(second.getUpdate()).isNull();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.getRecipient().getOrganisationId()).isEqualTo("SCH-1");
            assertThat(n.getIncidentRevision()).isEqualTo(2);
        });
    }
}
