package uk.safeguarding.schemas.contract;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Location;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.serde.GeneratedAvroClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The one input contract of an incident, as both doors apply it. A pure test: "now" is fixed here. */
class IncidentContractTest {

    static {
        GeneratedAvroClasses.trust();
    }

    private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");

    private static IncidentChild.Builder child() {
        return IncidentChild.newBuilder().setGivenName("Ada").setFamilyName("Marsh")
                .setDateOfBirth(LocalDate.of(2021, 5, 10)).setIdentifiers(new ArrayList<>()).setPresent(true)
                .setSpokenTo(true).setVoiceOfChild("I hid.\nThen I went to bed.").setWelfareCheckMade(true);
    }

    private static IncidentReported.Builder incident() {
        return IncidentReported.newBuilder()
                .setIncidentId(IncidentIds.forPoliceReference("TST", "R-1")).setForceCode("TST")
                .setPoliceReference("R-1").setRevision(1)
                .setOccurredAt(NOW.minusSeconds(7200)).setReportedAt(NOW.minusSeconds(3600))
                .setLocation(Location.newBuilder().setAddressLine("1 Example Road").setTown("Exampleton")
                        .setPostcode("EX1 1AA").build())
                .setCircumstances("Argument overheard.\tOfficers attended.")
                .setAdults(new ArrayList<>(List.of(IncidentAdult.newBuilder().setGivenName("Sam").setFamilyName("Marsh")
                        .setDateOfBirth(LocalDate.of(1990, 1, 1)).setRole(AdultRole.SUSPECT)
                        .setIdentifiers(new ArrayList<>()).build())))
                .setChildren(new ArrayList<>(List.of(child().build())))
                .setAttendingOfficer(OfficerContact.newBuilder().setName("PC Example").build());
    }

    private static List<String> problems(Consumer<IncidentReported.Builder> change) {
        IncidentReported.Builder b = incident();
        change.accept(b);
        return IncidentContract.check(b.build(), NOW).stream().map(FieldProblem::toString).toList();
    }

    private static IncidentChild withChild(Consumer<IncidentChild.Builder> change) {
        IncidentChild.Builder c = child();
        change.accept(c);
        return c.build();
    }

    @Test
    void aCompleteIncidentBreaksNoRule() {
        assertThat(problems(b -> { })).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedInNamesAndIdsAndAllowedOnlyAsLineBreaksInFreeText() {
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setGivenName("Ada\u0000")))))))
                .containsExactly("children[0].givenName: must not contain control characters");
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setFamilyName("Ma\u202Ersh")))))))
                .containsExactly("children[0].familyName: must not contain control characters");
        assertThat(problems(b -> b.setCircumstances("line one\u0007")))
                .containsExactly("circumstances: must not contain control characters other than tab and line breaks");
    }

    @Test
    void lengthsMatchWhatTheDatabaseKeeps() {
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setGivenName("A".repeat(150))))))))
                .containsExactly("children[0].givenName: must be at most 100 characters");
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setPostcode("EX1 1AA".repeat(6))))))))
                .containsExactly("children[0].postcode: must be a UK postcode");
        assertThat(problems(b -> b.setCircumstances("x".repeat(4001))))
                .containsExactly("circumstances: must be at most 4000 characters");
    }

    @Test
    void theIncidentIdIsTheOneTheForceAndReferenceGiveSoNoForceCanReuseAnothersIncident() {
        assertThat(problems(b -> b.setIncidentId("x".repeat(100)))).containsExactly(
                "incidentId: must be at most 64 characters");
        assertThat(problems(b -> b.setIncidentId(IncidentIds.forPoliceReference("OTHER", "R-1")))).containsExactly(
                "incidentId: must be the id the platform derives from forceCode and policeReference");
        assertThat(problems(b -> b.setPoliceReference("R-" + "9".repeat(148)))).contains(
                "policeReference: must be at most 64 characters");
    }

    @Test
    void datesAreWithinWhatTheDeadlinesAndTheDatabaseUnderstand() {
        assertThat(problems(b -> b.setOccurredAt(NOW.plusSeconds(3600)).setReportedAt(NOW.plusSeconds(3700))))
                .containsExactly("occurredAt: must not be in the future", "reportedAt: must not be in the future");
        assertThat(problems(b -> b.setOccurredAt(Instant.parse("1899-12-31T23:00:00Z"))))
                .contains("occurredAt: must not be before 1900-01-01"); // (and everyone in it born after it)
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setDateOfBirth(
                LocalDate.of(-40000, 1, 1))))))))
                .containsExactly("children[0].dateOfBirth: must not be before 1900-01-01");
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setDateOfBirth(
                LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(30))))))))
                .containsExactly("children[0].dateOfBirth: must not be after the incident");
        assertThat(problems(b -> b.setOccurredAt(Instant.ofEpochMilli(Long.MAX_VALUE))))
                .contains("occurredAt: must not be in the future");
    }

    @Test
    void aChildsDateOfBirthMayBeUnknown() {
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setDateOfBirth(null)))))))
                .isEmpty();
    }

    @Test
    void identifiersFollowTheirSchemesRules() {
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setIdentifiers(List.of(
                PersonIdentifier.newBuilder().setScheme(IdentifierScheme.UPN).setValue("A12345").build(),
                PersonIdentifier.newBuilder().setScheme(IdentifierScheme.NHS_NUMBER).setValue("9434765919").build()))))))))
                .containsExactly("children[0].identifiers[0].value: " + IdentifierRules.UPN_RULE);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(problems(b -> b.setForceCode("t").setRevision(0).setChildren(new ArrayList<>())))
                .contains("forceCode: must be 2 to 10 upper-case letters or digits, starting with a letter",
                        "revision: must be from 1 to 10000", "children: must list at least one child");
    }

    @Test
    void noReasonRepeatsTheValueItRefuses() {
        String name = "Wilhelmina\u0000Quested" + "q".repeat(120);
        assertThat(problems(b -> b.setChildren(new ArrayList<>(List.of(withChild(c -> c.setGivenName(name)))))))
                .isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("Wilhelmina"));
    }
}
