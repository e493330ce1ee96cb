package uk.safeguarding.local.e2e;

import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.IdentifierScheme;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.directory.Relationship;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A household of its own for one test, put into notification-service's directory through its import API: a primary
 * pupil (school, school nurse, GP), a toddler (GP, health visiting) and a suspect supervised by probation, each
 * organisation and name unique to this household so tests never see each other's alerts.
 *
 * <p>An incident naming both children and the suspect yields six alerts: school 1, school nurse 1, GP 2, health
 * visiting 1, and one probation alert naming both children.
 */
public final class TestHousehold {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final String tag;
    public final String schoolId, nurseId, gpId, healthVisitingId, probationId;
    public final DirectoryDocument.Child pupil, toddler;
    public final DirectoryDocument.Adult suspect;
    public final String suspectPnc;

    private TestHousehold(String tag) {
        this.tag = tag;
        schoolId = "E2E-SCH-" + tag;
        nurseId = "E2E-SN-" + tag;
        gpId = "E2E-GP-" + tag;
        healthVisitingId = "E2E-HV-" + tag;
        probationId = "E2E-PDU-" + tag;
        // letters unlike any other household's: names one typo apart would be twins to the fuzzy matcher
        String family = "Quillon" + randomLetters(tag);
        pupil = new DirectoryDocument.Child("E2E-CH-" + tag + "-1", "Ava", family, TestClock.bornYearsAgo(9, 3, 10),
                "EX1 1AA", List.of(new DirectoryDocument.Identifier(IdentifierScheme.UPN, upn(tag))),
                schoolId, gpId, null);
        toddler = new DirectoryDocument.Child("E2E-CH-" + tag + "-2", "Ben", family, TestClock.bornYearsAgo(2, 6, 1),
                "EX1 1AA", List.of(), null, gpId, healthVisitingId);
        suspectPnc = "90/" + String.format("%07d", Math.abs(tag.hashCode()) % 10_000_000) + "Q";
        suspect = new DirectoryDocument.Adult("E2E-AD-" + tag, "Sam", family, LocalDate.of(1990, 1, 1),
                List.of(new DirectoryDocument.Identifier(IdentifierScheme.PNC_ID, suspectPnc)),
                probationId, "PDU-CASE-" + tag);
    }

    /** Creates the household in the directory of the running notification-service. */
    public static TestHousehold create(Services services) {
        TestHousehold h = new TestHousehold(String.format(Locale.ROOT, "%d%03d",
                ProcessHandle.current().pid() % 1000, SEQUENCE.incrementAndGet()));
        DirectoryDocument document = new DirectoryDocument(
                List.of(org(h.nurseId, "School Nursing Team " + h.tag, OrganisationKind.SCHOOL_NURSE, null, null),
                        org(h.schoolId, "Test Primary School " + h.tag, OrganisationKind.SCHOOL, "PRIMARY", h.nurseId),
                        org(h.gpId, "Test Surgery " + h.tag, OrganisationKind.GP, null, null),
                        org(h.healthVisitingId, "Health Visiting Team " + h.tag, OrganisationKind.HEALTH_VISITING, null, null),
                        org(h.probationId, "Probation Delivery Unit " + h.tag, OrganisationKind.PROBATION, null, null)),
                List.of(h.pupil, h.toddler),
                List.of(h.suspect),
                List.of(new DirectoryDocument.HouseholdLink(h.pupil.id(), h.suspect.id(), Relationship.PARENT),
                        new DirectoryDocument.HouseholdLink(h.toddler.id(), h.suspect.id(), Relationship.PARENT)));
        Http.Response r = services.as(uk.safeguarding.notification.shared.security.PersonRole.DIRECTORY_ADMIN)
                .post(services.notificationUrl("/api/v1/directory/import"), document);
        if (r.status() != 200) {
            throw new IllegalStateException("Directory import answered " + r.status() + ": " + r.text());
        }
        return h;
    }

    /** Revision 1 of an incident naming both children (by UPN, and by name and date of birth) and the suspect. */
    public IncidentReported.Builder incident(String policeReference) {
        return SampleIncidents.incident("E2E", policeReference)
                .setAdults(new java.util.ArrayList<>(List.of(
                        SampleIncidents.adult("Alex", pupil.familyName(), AdultRole.VICTIM),
                        SampleIncidents.adult(suspect.givenName(), suspect.familyName(), AdultRole.SUSPECT,
                                SampleIncidents.id(uk.safeguarding.avro.IdentifierScheme.PNC_ID, suspectPnc)))))
                .setChildren(new java.util.ArrayList<>(List.of(
                        SampleIncidents.child(pupil.givenName(), pupil.familyName(), pupil.dateOfBirth())
                                .setIdentifiers(new java.util.ArrayList<>(List.of(SampleIncidents.id(
                                        uk.safeguarding.avro.IdentifierScheme.UPN, pupil.identifiers().get(0).value()))))
                                .build(),
                        SampleIncidents.child(toddler.givenName(), toddler.familyName(), toddler.dateOfBirth())
                                .setSpokenTo(false).setVoiceOfChild(null).setAdultPresentWhenSpokenTo(null)
                                .build())));
    }

    /** A police reference unique to this household. */
    public String reference(String what) {
        return "E2E-" + tag + "-" + what;
    }

    private static DirectoryDocument.Organisation org(String id, String name, OrganisationKind kind, String phase,
                                                      String nurse) {
        return new DirectoryDocument.Organisation(id, name, kind, phase, nurse, "Safeguarding lead",
                "safeguarding@" + id.toLowerCase(Locale.ROOT) + ".example", "01234 567890", null, "EX1 1AA");
    }

    private static String upn(String tag) {
        String digits = String.format("%012d", Math.abs((long) tag.hashCode()) * 7919 % 1_000_000_000_000L);
        return "T" + digits;
    }

    /** Eight letters seeded by the tag: different tags give names several letters apart. */
    private static String randomLetters(String tag) {
        java.util.Random random = new java.util.Random(tag.hashCode() * 0x9E3779B97F4A7C15L);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
