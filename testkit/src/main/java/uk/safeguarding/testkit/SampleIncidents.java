package uk.safeguarding.testkit;

import uk.safeguarding.serde.GeneratedAvroClasses;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Location;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.avro.RiskLevel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.schemas.IncidentIds;

/** Incidents for tests, valid by default, each part changeable. Names and places are invented. */
public final class SampleIncidents {

    static {
        GeneratedAvroClasses.trust(); // builders fill enum defaults through Avro's class check
    }

    private SampleIncidents() {
    }

    /** An incident that happened two hours ago (on {@link TestClock}) and was reported an hour later. */
    public static IncidentReported.Builder incident(String forceCode, String policeReference) {
        Instant occurred = TestClock.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        return IncidentReported.newBuilder()
                .setIncidentId(IncidentIds.forPoliceReference(forceCode, policeReference))
                .setForceCode(forceCode)
                .setPoliceReference(policeReference)
                .setRevision(1)
                .setOccurredAt(occurred)
                .setReportedAt(occurred.plusSeconds(3600))
                .setLocation(Location.newBuilder().setAddressLine("1 Example Road").setTown("Exampleton")
                        .setPostcode("EX1 1AA").build())
                .setRiskLevel(RiskLevel.MEDIUM)
                .setCircumstances("Verbal argument overheard by neighbours; officers attended.")
                .setAdults(new ArrayList<>(List.of(adult("Alex", "Sample", AdultRole.VICTIM),
                        adult("Sam", "Sample", AdultRole.SUSPECT))))
                .setChildren(new ArrayList<>())
                .setAttendingOfficer(OfficerContact.newBuilder().setName("PC Example").setCollarNumber("1234")
                        .setEmail("encompass@police.example").setPhone("01234 567890").build());
    }

    public static IncidentAdult adult(String givenName, String familyName, AdultRole role, PersonIdentifier... ids) {
        return IncidentAdult.newBuilder().setGivenName(givenName).setFamilyName(familyName)
                .setDateOfBirth(LocalDate.of(1990, 1, 1)).setRole(role)
                .setIdentifiers(new ArrayList<>(List.of(ids))).build();
    }

    public static IncidentChild.Builder child(String givenName, String familyName, LocalDate dateOfBirth) {
        return IncidentChild.newBuilder().setGivenName(givenName).setFamilyName(familyName)
                .setDateOfBirth(dateOfBirth).setIdentifiers(new ArrayList<>()).setPresent(true)
                .setSpokenTo(true).setVoiceOfChild("I hid in my room").setAdultPresentWhenSpokenTo(false)
                .setWelfareCheckMade(true);
    }

    /** A unique pupil number in the right form (a letter, 12 digits) that no other test uses. */
    public static String uniqueUpn() {
        return "T" + String.format("%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** A valid NHS number (modulus-11 check digit) that no other test uses. */
    public static String uniqueNhsNumber() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (true) {
            StringBuilder digits = new StringBuilder("9");
            int sum = 9 * 10;
            for (int i = 1; i < 9; i++) {
                int d = random.nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 10) {
                continue; // never issued
            }
            return digits.append(check == 11 ? 0 : check).toString();
        }
    }

    public static PersonIdentifier id(IdentifierScheme scheme, String value) {
        return PersonIdentifier.newBuilder().setScheme(scheme).setValue(value).build();
    }
}
