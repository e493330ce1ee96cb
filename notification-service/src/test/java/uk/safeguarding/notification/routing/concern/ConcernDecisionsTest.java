package uk.safeguarding.notification.routing.concern;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.notification.routing.family.FamilyHistories;
import uk.safeguarding.notification.routing.family.FamilyIncident;
import uk.safeguarding.notification.routing.family.FamilyRecords.Family;
import uk.safeguarding.notification.routing.family.FamilyRecords.FamilyChild;
import uk.safeguarding.notification.routing.family.Person;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The concern stage's decision alone: which referrals a batch raises to children's social care (no database). */
class ConcernDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final ConcernAreas AREAS = new ConcernAreas(List.of(new ConcernArea("north", Set.of("NTH"), "CSC-N",
            true, 3, true, Period.ofMonths(12))));
    private static final Deadlines DUE_IN_FOUR_HOURS = (kind, organisation, receivedAt) -> receivedAt.plusSeconds(4 * 3600);
    private static final Map<String, String> HUB = Map.of("CSC-N", "North safeguarding hub");

    private static IncidentReported incident(String id, String force, String occurredAt, RiskLevel risk) {
        return SampleIncidents.incident(force, id).setIncidentId(id).setRevision(1)
                .setOccurredAt(Instant.parse(occurredAt)).setReportedAt(Instant.parse(occurredAt).plusSeconds(600))
                .setRiskLevel(risk).build();
    }

    private static AgencyAlert schoolAlert(IncidentReported incident, String childId) {
        return AgencyAlert.newBuilder()
                .setAlertId("alert-" + incident.getIncidentId() + "-" + childId).setIncidentId(incident.getIncidentId())
                .setIncidentRevision(1).setForceCode(incident.getForceCode()).setPoliceReference("REF")
                .setRecipient(Recipient.newBuilder().setOrganisationId("SCH-1").setOrganisationName("School")
                        .setKind(AgencyKind.SCHOOL).build())
                .setChild(AlertChild.newBuilder().setChildId(childId).setGivenName("Tamsin").setFamilyName("Invented")
                        .build())
                .setDisclosed(Disclosure.newBuilder().setOccurredAt(incident.getOccurredAt())
                        .setRiskLevel(incident.getRiskLevel()).setChildPresent(true).build())
                .setRoutedAt(NOW).build();
    }

    private static Family family(List<FamilyIncident> incidents, FamilyChild... children) {
        Map<String, FamilyChild> byId = new java.util.LinkedHashMap<>();
        for (FamilyChild c : children) {
            byId.put(c.id(), c);
        }
        return new Family(Set.of(Person.child("CH-1")), byId, incidents);
    }

    private static FamilyHistory history(String incidentId) {
        return FamilyHistories.of(incidentId, NOW, List.of());
    }

    @Test
    void aHighRiskIncidentIsReferredToTheAreasHubWithTheFamilysOtherChildrenAndADeadline() {
        // given a HIGH risk incident in the north whose matched child has a sibling in the directory
        IncidentReported high = incident("INC-1", "NTH", "2026-11-20T22:00:00Z", RiskLevel.HIGH);
        Family family = family(List.of(new FamilyIncident("INC-1", "NTH", high.getOccurredAt(), RiskLevel.HIGH)),
                new FamilyChild("CH-2", "Rowan", "Invented", LocalDate.of(2020, 1, 1)));

        // when
        ConcernDecisions.Decision decision = ConcernDecisions.decide(
                List.of(new FamilyPatterns.Routed(high, List.of(schoolAlert(high, "CH-1")))), List.of(family),
                List.of(history("INC-1")), AREAS, Map.of(), HUB, DUE_IN_FOUR_HOURS, NOW);

        // then one referral to the hub, naming both children, recorded once
        assertThat(decision.raised()).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo("CSC-N");
            assertThat(a.getRecipient().getKind()).isEqualTo(AgencyKind.CHILDRENS_SOCIAL_CARE);
            assertThat(a.getDueBy()).isEqualTo(high.getReportedAt().plusSeconds(4 * 3600));
        });
        assertThat(decision.referrals()).hasSize(1);
        assertThat(decision.fired()).containsExactly("HIGH_RISK");
        assertThat(decision.notRaised()).isEmpty();
    }

    @Test
    void anIncidentOutsideEveryAreaOrFiringNoRuleRaisesNothing() {
        IncidentReported elsewhere = incident("INC-2", "STH", "2026-11-20T22:00:00Z", RiskLevel.HIGH);
        IncidentReported medium = incident("INC-3", "NTH", "2026-11-20T22:00:00Z", RiskLevel.MEDIUM);

        ConcernDecisions.Decision decision = ConcernDecisions.decide(List.of(
                        new FamilyPatterns.Routed(elsewhere, List.of(schoolAlert(elsewhere, "CH-1"))),
                        new FamilyPatterns.Routed(medium, List.of(schoolAlert(medium, "CH-1")))),
                List.of(family(List.of()), family(List.of())), List.of(history("INC-2"), history("INC-3")), AREAS,
                Map.of(), HUB, DUE_IN_FOUR_HOURS, NOW);

        assertThat(decision.raised()).isEmpty();
        assertThat(decision.referrals()).isEmpty();
    }

    @Test
    void aHubTheDirectoryDoesNotHoldIsNotRaisedAndSaysWhyWithoutPersonalData() {
        IncidentReported high = incident("INC-4", "NTH", "2026-11-20T22:00:00Z", RiskLevel.HIGH);

        ConcernDecisions.Decision decision = ConcernDecisions.decide(
                List.of(new FamilyPatterns.Routed(high, List.of(schoolAlert(high, "CH-1")))), List.of(family(List.of())),
                List.of(history("INC-4")), AREAS, Map.of(), Map.of(), DUE_IN_FOUR_HOURS, NOW);

        assertThat(decision.raised()).isEmpty();
        assertThat(decision.notRaised()).singleElement().satisfies(n -> {
            assertThat(n.rules()).containsExactly("HIGH_RISK");
            assertThat(n.why()).contains("CSC-N").doesNotContain("Tamsin");
        });
    }

    @Test
    void withinABatchAnEarlierIncidentReferredNowMakesALaterOneARepeatReferral() {
        // given two incidents of one family in one batch, the later listed first; the earlier is HIGH risk
        IncidentReported earlier = incident("INC-5", "NTH", "2026-11-10T22:00:00Z", RiskLevel.HIGH);
        IncidentReported later = incident("INC-6", "NTH", "2026-11-20T22:00:00Z", RiskLevel.MEDIUM);
        List<FamilyIncident> both = List.of(
                new FamilyIncident("INC-5", "NTH", earlier.getOccurredAt(), RiskLevel.HIGH),
                new FamilyIncident("INC-6", "NTH", later.getOccurredAt(), RiskLevel.MEDIUM));

        // when
        ConcernDecisions.Decision decision = ConcernDecisions.decide(List.of(
                        new FamilyPatterns.Routed(later, List.of(schoolAlert(later, "CH-1"))),
                        new FamilyPatterns.Routed(earlier, List.of(schoolAlert(earlier, "CH-1")))),
                List.of(family(both), family(both)), List.of(history("INC-6"), history("INC-5")), AREAS, Map.of(), HUB,
                DUE_IN_FOUR_HOURS, NOW);

        // then the earlier is referred for its risk, and the later as a repeat of it
        assertThat(decision.fired()).containsExactly("HIGH_RISK", "REPEAT_REFERRAL");
        assertThat(decision.raised()).extracting(AgencyAlert::getIncidentId).containsExactly("INC-5", "INC-6");
    }
}
