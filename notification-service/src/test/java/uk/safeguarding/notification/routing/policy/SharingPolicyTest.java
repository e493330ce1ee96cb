package uk.safeguarding.notification.routing.policy;

import uk.safeguarding.notification.shared.audit.DisclosedItems;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.ChildMatch;
import uk.safeguarding.avro.Consent;
import uk.safeguarding.avro.ConsentStatus;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.MatchOutcome;
import uk.safeguarding.avro.PriorIncident;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.avro.SupervisedAdult;
import uk.safeguarding.testkit.SampleIncidents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharingPolicyTest {

    private static final Set<String> SCHOOL_ITEMS = Set.of("occurredAt", "reportedAt", "childPresent", "childSpokenTo",
            "voiceOfChild", "adultPresentWhenSpokenTo", "welfareCheckMade", "attendingOfficer", "familyHistory");

    private final IncidentReported incident = SampleIncidents.incident("TST", "P-1").build();
    private final IncidentChild child = SampleIncidents.child("Wrenna", "Quillfeather", LocalDate.of(2015, 1, 1)).build();
    private final SupervisedAdult adult = SupervisedAdult.newBuilder().setGivenName("Corvin").setFamilyName("Quillfeather")
            .setRole(AdultRole.SUSPECT).setCaseReference("C-1").build();

    /** An alert holding everything there is to know, as the router and later steps would fill it. */
    private AgencyAlert candidate(AgencyKind kind) {
        return AgencyAlert.newBuilder()
                .setAlertId("00000000-0000-0000-0000-000000000001").setIncidentId(incident.getIncidentId())
                .setIncidentRevision(1).setForceCode("TST").setPoliceReference("P-1")
                .setRecipient(Recipient.newBuilder().setOrganisationId("ORG-1").setOrganisationName("Org").setKind(kind).build())
                .setChild(AlertChild.newBuilder().setChildId("CH-1").setGivenName("Wrenna").setFamilyName("Quillfeather")
                        .setDateOfBirth(LocalDate.of(2015, 1, 1)).build())
                .setDisclosed(IncidentFacts.of(incident, child, adult))
                .setRoutingReason(RoutingReason.ENROLLED_AT_SCHOOL).setRoutingDetail("test")
                .setRoutedAt(Instant.parse("2026-11-21T08:00:00Z"))
                .setMatch(ChildMatch.newBuilder().setOutcome(MatchOutcome.MATCHED).setScore(97).setReasons(new ArrayList<>()).build())
                .setHouseholdChildren(new ArrayList<>(List.of(AlertChild.newBuilder().setChildId("CH-2")
                        .setGivenName("Bram").setFamilyName("Quillfeather").build())))
                .setFamilyHistory(FamilyHistory.newBuilder().setIncidentsLast12Months(1).setRepeat(true)
                        .setIncidents(new ArrayList<>(List.of(PriorIncident.newBuilder().setIncidentId("I-0")
                                .setForceCode("TST").setOccurredAt(Instant.parse("2026-06-01T20:00:00Z"))
                                .setRiskLevel(RiskLevel.HIGH).build()))).build())
                .build();
    }

    /** Every item the alert carries: each Disclosure field that is set, and the alert-level items when present. */
    private static Set<String> itemsCarried(AgencyAlert alert) {
        Set<String> items = new LinkedHashSet<>();
        for (Schema.Field f : Disclosure.getClassSchema().getFields()) {
            if (alert.getDisclosed().get(f.pos()) != null) {
                items.add(f.name());
            }
        }
        if (!alert.getHouseholdChildren().isEmpty()) {
            items.add("householdChildren");
        }
        if (alert.getFamilyHistory() != null) {
            items.add("familyHistory");
        }
        return items;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AgencyKind.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyRecipientKindReceivesExactlyTheItemsThePolicyListsForItAndNoMore(AgencyKind kind) {
        SharingPolicy policy = SharingPolicy.standard();
        Set<String> allowed = policy.rule(kind).orElseThrow(() -> new AssertionError(kind + " not in the policy")).items();

        AgencyAlert alert = policy.disclose(candidate(kind), null);

        assertThat(itemsCarried(alert)).containsExactlyInAnyOrderElementsOf(allowed);
        AgencyAlert everything = candidate(kind);
        for (Schema.Field f : Disclosure.getClassSchema().getFields()) {
            Object value = alert.getDisclosed().get(f.pos());
            if (allowed.contains(f.name())) {
                assertThat(value).as(f.name()).isEqualTo(everything.getDisclosed().get(f.pos()));
            } else {
                assertThat(value).as(f.name()).isNull();
            }
        }
        assertThat(alert.getPolicyVersion()).isEqualTo("2026-11-1");
        assertThat(alert.getLawfulBasis()).startsWith(policy.rule(kind).get().lawfulBasis())
                .contains("safeguarding: consent not required");
        assertThat(alert.getChild()).isEqualTo(everything.getChild());
    }

    @Test
    void theShippedDefaultsAreTodaysSelection() {
        SharingPolicy policy = SharingPolicy.standard();
        assertThat(policy.kinds()).containsExactlyInAnyOrder(AgencyKind.SCHOOL, AgencyKind.SCHOOL_NURSE, AgencyKind.GP,
                AgencyKind.HEALTH_VISITING, AgencyKind.EARLY_YEARS, AgencyKind.COLLEGE, AgencyKind.PROBATION,
                AgencyKind.LOCAL_AUTHORITY, AgencyKind.CHILDRENS_SOCIAL_CARE);
        // schools: the child's words and the facts of the call, not the risk level, location, circumstances or adults
        for (AgencyKind education : List.of(AgencyKind.SCHOOL, AgencyKind.EARLY_YEARS, AgencyKind.COLLEGE)) {
            assertThat(policy.rule(education).get().items()).containsExactlyInAnyOrderElementsOf(SCHOOL_ITEMS);
        }
        Set<String> withRisk = new LinkedHashSet<>(SCHOOL_ITEMS);
        withRisk.add("riskLevel");
        for (AgencyKind health : List.of(AgencyKind.SCHOOL_NURSE, AgencyKind.GP, AgencyKind.HEALTH_VISITING,
                AgencyKind.LOCAL_AUTHORITY)) {
            assertThat(policy.rule(health).get().items()).containsExactlyInAnyOrderElementsOf(withRisk);
        }
        Set<String> probation = new LinkedHashSet<>(withRisk);
        probation.addAll(List.of("supervisedAdult", "householdChildren"));
        assertThat(policy.rule(AgencyKind.PROBATION).get().items()).containsExactlyInAnyOrderElementsOf(probation);
        assertThat(policy.rule(AgencyKind.CHILDRENS_SOCIAL_CARE).get().items())
                .containsExactlyInAnyOrderElementsOf(SharingPolicy.ITEMS);
    }

    @Test
    void aSchoolIsToldTheChildsWordsButNotTheRiskLocationCircumstancesOrAdults() {
        AgencyAlert alert = SharingPolicy.standard().disclose(candidate(AgencyKind.SCHOOL), null);
        Disclosure d = alert.getDisclosed();
        assertThat(d.getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(d.getOccurredAt()).isEqualTo(incident.getOccurredAt());
        assertThat(d.getAttendingOfficer()).isEqualTo(incident.getAttendingOfficer());
        assertThat(d.getRiskLevel()).isNull();
        assertThat(d.getLocation()).isNull();
        assertThat(d.getCircumstances()).isNull();
        assertThat(d.getSupervisedAdult()).isNull();
        assertThat(alert.getHouseholdChildren()).isEmpty();
    }

    @Test
    void aKindAbsentFromThePolicyReceivesNothingBeyondIds() {
        SharingPolicy onlySchools = SharingPolicy.parse("""
                version: "v-schools-only"
                recipients:
                  SCHOOL:
                    lawful-basis: "basis"
                    fields: [occurredAt]
                """, "test");

        AgencyAlert alert = onlySchools.disclose(candidate(AgencyKind.GP), new Consent(ConsentStatus.GIVEN, null));

        assertThat(itemsCarried(alert)).isEmpty();
        assertThat(alert.getChild().getChildId()).isEqualTo("CH-1");
        assertThat(alert.getChild().getGivenName()).isEmpty();
        assertThat(alert.getChild().getFamilyName()).isEmpty();
        assertThat(alert.getChild().getDateOfBirth()).isNull();
        assertThat(alert.getMatch()).isNull();
        assertThat(alert.getIncidentId()).isEqualTo(incident.getIncidentId());
        assertThat(alert.getPoliceReference()).isEqualTo("P-1");
        assertThat(alert.getPolicyVersion()).isEqualTo("v-schools-only");
        assertThat(alert.getLawfulBasis()).startsWith("none: GP is not in information-sharing policy v-schools-only");
        assertThat(DisclosedItems.of(alert)).isEmpty();
    }

    @Test
    void aChangedPolicyFileChangesWhatIsSentWithoutCodeChanges() throws IOException {
        SharingPolicy area = SharingPolicy.parse(resource("/policy/schools-see-risk-and-location.yml"), "test area");

        AgencyAlert school = area.disclose(candidate(AgencyKind.SCHOOL), null);
        AgencyAlert nurse = area.disclose(candidate(AgencyKind.SCHOOL_NURSE), null);
        AgencyAlert gp = area.disclose(candidate(AgencyKind.GP), null);

        assertThat(itemsCarried(school)).containsExactlyInAnyOrder("occurredAt", "riskLevel", "location", "voiceOfChild");
        assertThat(school.getDisclosed().getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(school.getDisclosed().getLocation()).isEqualTo(incident.getLocation());
        assertThat(school.getPolicyVersion()).isEqualTo("test-area-2");
        assertThat(school.getLawfulBasis()).startsWith("test area basis for schools");
        assertThat(itemsCarried(nurse)).containsExactly("occurredAt");
        assertThat(itemsCarried(gp)).isEmpty();
        // the shipped policy, for the same candidate, says otherwise
        assertThat(itemsCarried(SharingPolicy.standard().disclose(candidate(AgencyKind.SCHOOL), null)))
                .doesNotContain("riskLevel", "location");
    }

    @Test
    void consentNeverWithholdsTheShareAndTheBasisSaysWhichWasUsed() {
        SharingPolicy policy = SharingPolicy.standard();
        AgencyAlert refused = policy.disclose(candidate(AgencyKind.SCHOOL), new Consent(ConsentStatus.REFUSED, "declined"));
        AgencyAlert given = policy.disclose(candidate(AgencyKind.SCHOOL), new Consent(ConsentStatus.GIVEN, null));
        AgencyAlert notSought = policy.disclose(candidate(AgencyKind.SCHOOL), new Consent(ConsentStatus.NOT_SOUGHT, null));

        assertThat(itemsCarried(refused)).isEqualTo(itemsCarried(given)).isEqualTo(itemsCarried(notSought))
                .containsExactlyInAnyOrderElementsOf(SCHOOL_ITEMS);
        assertThat(refused.getLawfulBasis()).contains("safeguarding: consent not required")
                .contains("consent refused: shared without consent");
        assertThat(given.getLawfulBasis()).contains("safeguarding: consent not required").contains("consent given");
        assertThat(notSought.getLawfulBasis()).contains("consent not sought");
    }

    @Test
    void redactFiltersItemsAddedAfterTheAlertWasBuiltAndKeepsItsBasis() {
        SharingPolicy policy = SharingPolicy.standard();
        AgencyAlert built = policy.disclose(candidate(AgencyKind.SCHOOL), new Consent(ConsentStatus.REFUSED, null));
        AgencyAlert enriched = AgencyAlert.newBuilder(built)
                .setHouseholdChildren(new ArrayList<>(List.of(AlertChild.newBuilder().setChildId("CH-9")
                        .setGivenName("Odo").setFamilyName("Quillfeather").build())))
                .setDisclosed(Disclosure.newBuilder(built.getDisclosed()).setCircumstances("added later").build())
                .build();

        AgencyAlert redacted = policy.redact(enriched);

        assertThat(redacted.getHouseholdChildren()).isEmpty();
        assertThat(redacted.getDisclosed().getCircumstances()).isNull();
        assertThat(redacted.getFamilyHistory()).isEqualTo(built.getFamilyHistory());
        assertThat(redacted.getLawfulBasis()).isEqualTo(built.getLawfulBasis());
        assertThat(policy.redact(redacted)).isEqualTo(redacted);
    }

    @Test
    void anUnknownFieldOrKindStopsThePolicyFromLoadingWithAClearMessage() {
        assertThatThrownBy(() -> SharingPolicy.parse("""
                version: "1"
                recipients:
                  SCHOOL:
                    lawful-basis: "b"
                    fields: [occurredAt, homeAddress]
                """, "area.yml"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("area.yml").hasMessageContaining("SCHOOL: unknown field 'homeAddress'");
        assertThatThrownBy(() -> SharingPolicy.parse("""
                version: "1"
                recipients:
                  DENTIST:
                    lawful-basis: "b"
                    fields: [occurredAt]
                """, "area.yml"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("unknown recipient kind 'DENTIST'");
        assertThatThrownBy(() -> SharingPolicy.parse("""
                recipients:
                  SCHOOL:
                    lawful-basis: "b"
                """, "area.yml"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("no version");
        assertThatThrownBy(() -> SharingPolicy.parse("""
                version: "1"
                recipients:
                  SCHOOL:
                    fields: [occurredAt]
                """, "area.yml"))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("SCHOOL: no lawful-basis");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SharingPolicyTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
