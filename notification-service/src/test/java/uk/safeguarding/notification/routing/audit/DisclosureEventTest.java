package uk.safeguarding.notification.routing.audit;

import uk.safeguarding.notification.shared.audit.DisclosureEvent;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DisclosureAction;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.policy.IncidentFacts;
import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisclosureEventTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

    private static AgencyAlert alert(String alertId, String childId, String org, AgencyKind kind) {
        IncidentReported incident = SampleIncidents.incident("TST", "E-1").build();
        AgencyAlert candidate = AgencyAlert.newBuilder().setAlertId(alertId).setIncidentId(incident.getIncidentId())
                .setIncidentRevision(1).setForceCode("TST").setPoliceReference("E-1")
                .setRecipient(Recipient.newBuilder().setOrganisationId(org).setOrganisationName("Org").setKind(kind).build())
                .setChild(AlertChild.newBuilder().setChildId(childId).setGivenName("Sorrel").setFamilyName("Ambleside")
                        .setDateOfBirth(LocalDate.of(2016, 1, 1)).build())
                .setDisclosed(IncidentFacts.of(incident, SampleIncidents.child("Sorrel", "Ambleside",
                        LocalDate.of(2016, 1, 1)).build(), null))
                .setRoutingReason(RoutingReason.ENROLLED_AT_SCHOOL).setRoutedAt(AT).build();
        return SharingPolicy.standard().disclose(candidate, null);
    }

    @Test
    void theSameDisclosureAlwaysHasTheSameEventIdSoItIsRecordedAndPublishedOnce() {
        AgencyAlert a = alert("00000000-0000-0000-0000-0000000000a1", "CH-1", "SCH-1", AgencyKind.SCHOOL);

        assertThat(DisclosureEvent.alertSent(a, AT).eventId()).isEqualTo(DisclosureEvent.alertSent(a, AT.plusSeconds(5)).eventId());
        assertThat(DisclosureEvent.alertSent(a, AT).eventId()).isNotEqualTo(DisclosureEvent.alertDelivered(a, AT).eventId());
        assertThat(DisclosureEvent.alertOpened(a, "P-1", AT).eventId()).isEqualTo(DisclosureEvent.alertOpened(a, "P-1", AT).eventId())
                .isNotEqualTo(DisclosureEvent.alertOpened(a, "P-2", AT).eventId());
        assertThat(DisclosureEvent.alertExported(a, "P-1", AT).eventId())
                .as("every export is a disclosure of its own").isNotEqualTo(DisclosureEvent.alertExported(a, "P-1", AT).eventId());
    }

    @Test
    void anAlertEventNamesTheItemsDisclosedNeverTheirValues() {
        DisclosureEvent e = DisclosureEvent.alertSent(alert("00000000-0000-0000-0000-0000000000a2", "CH-1", "SCH-1",
                AgencyKind.SCHOOL), AT);

        assertThat(e.action()).isEqualTo(DisclosureAction.ALERT_SENT);
        assertThat(e.actor()).isEqualTo("system");
        assertThat(e.organisationId()).isEqualTo("SCH-1");
        assertThat(e.fields()).contains("childName", "childDateOfBirth", "voiceOfChild").doesNotContain("riskLevel");
        assertThat(e.fields().toString()).doesNotContain("Sorrel", "I hid in my room");
        assertThat(e.policyVersion()).isEqualTo("2026-11-1");
    }

    @Test
    void oneDirectoryMatchPerChildOfAnIncidentHoweverManyAlerts() {
        List<DisclosureEvent> matches = DisclosureEvent.directoryMatches(List.of(
                alert("00000000-0000-0000-0000-0000000000b1", "CH-1", "SCH-1", AgencyKind.SCHOOL),
                alert("00000000-0000-0000-0000-0000000000b2", "CH-1", "GP-1", AgencyKind.GP),
                alert("00000000-0000-0000-0000-0000000000b3", "CH-2", "GP-1", AgencyKind.GP)), AT);

        assertThat(matches).extracting(DisclosureEvent::childId).containsExactly("CH-1", "CH-2");
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.action()).isEqualTo(DisclosureAction.DIRECTORY_MATCH);
            assertThat(m.organisationId()).isEqualTo("TST");
            assertThat(m.alertId()).isNull();
        });
    }
}
