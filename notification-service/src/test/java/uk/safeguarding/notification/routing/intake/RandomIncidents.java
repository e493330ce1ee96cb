package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Location;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.testkit.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * IncidentReported records of random values, as a careless or hostile producer writes them: any characters (control
 * characters, surrogate halves, emoji, NUL), any lengths, any dates Avro can carry, any number of people. Seeded.
 */
final class RandomIncidents {

    private static final String ALPHABET = "abcXYZ019 -'.\u0000\u0007\t\n\r\u00e9\u00f1\u202e\u2028\ud83d\ude00\ud800\ufffd";

    private final Random random;

    RandomIncidents(long seed) {
        this.random = new Random(seed);
    }

    IncidentReported next(int n) {
        String force = random.nextBoolean() ? "TST" : text(12);
        String reference = random.nextBoolean() ? "RND-" + n + "-" + random.nextInt(1_000_000) : text(200);
        List<IncidentChild> children = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            children.add(IncidentChild.newBuilder().setGivenName(text(120)).setFamilyName(text(120))
                    .setDateOfBirth(random.nextBoolean() ? null : LocalDate.ofEpochDay(random.nextInt()))
                    .setIdentifiers(new ArrayList<>(identifiers())).setPostcode(random.nextBoolean() ? null : text(20))
                    .setPresent(random.nextBoolean()).setSpokenTo(random.nextBoolean())
                    .setVoiceOfChild(random.nextBoolean() ? null : text(5000)).setWelfareCheckMade(random.nextBoolean())
                    .build());
        }
        List<IncidentAdult> adults = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            adults.add(IncidentAdult.newBuilder().setGivenName(text(120)).setFamilyName(text(120))
                    .setDateOfBirth(random.nextBoolean() ? null : LocalDate.ofEpochDay(random.nextInt()))
                    .setRole(AdultRole.values()[random.nextInt(AdultRole.values().length)])
                    .setIdentifiers(new ArrayList<>(identifiers())).build());
        }
        return IncidentReported.newBuilder()
                .setIncidentId(random.nextInt(4) == 0 ? text(80) : IncidentIds.forPoliceReference(force, reference))
                .setForceCode(force).setPoliceReference(reference).setRevision(random.nextInt())
                .setOccurredAt(instant()).setReportedAt(instant())
                .setLocation(random.nextBoolean() ? null : Location.newBuilder().setAddressLine(text(300))
                        .setTown(text(150)).setPostcode(text(20)).build())
                .setRiskLevel(RiskLevel.values()[random.nextInt(RiskLevel.values().length)])
                .setCircumstances(random.nextBoolean() ? null : text(6000))
                .setAdults(adults).setChildren(children)
                .setAttendingOfficer(OfficerContact.newBuilder().setName(text(120)).setEmail(text(300)).build())
                .build();
    }

    private List<PersonIdentifier> identifiers() {
        List<PersonIdentifier> ids = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            ids.add(PersonIdentifier.newBuilder()
                    .setScheme(IdentifierScheme.values()[random.nextInt(IdentifierScheme.values().length)])
                    .setValue(text(80)).build());
        }
        return ids;
    }

    private Instant instant() {
        return switch (random.nextInt(3)) {
            case 0 -> Instant.ofEpochMilli(random.nextLong());
            case 1 -> TestClock.now().minusSeconds(random.nextInt(100_000_000));
            default -> Instant.ofEpochMilli(random.nextInt());
        };
    }

    private String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
