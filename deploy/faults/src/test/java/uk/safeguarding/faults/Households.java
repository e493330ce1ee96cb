package uk.safeguarding.faults;

import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The directory the fault tests route against, as the JSON body of {@code POST /api/v1/directory/import} (built here
 * as maps, not with notification-service's classes: the service is a black box), and incidents about it.
 *
 * <p>Each household has a primary pupil (school, school nurse, GP), a toddler (GP, health visiting) and a suspect
 * supervised by probation, so every incident naming all three yields exactly six alerts: school, school nurse and GP
 * for the pupil; GP and health visiting for the toddler; one probation alert about the pupil (the first child).
 * Households share a few organisations of each kind; family names are eight letters drawn per household, so no
 * two households' children are near-namesakes to the fuzzy matcher.
 */
final class Households {

    static final String FORCE = "FLT";
    static final int ORGANISATIONS_PER_KIND = 3;

    /** One expected alert: what must appear once in the ledger and once on the agency topics. */
    record AlertKey(String incidentId, int revision, String childId, String recipientOrganisationId) {
        @Override
        public String toString() {
            return incidentId + " r" + revision + " " + childId + " -> " + recipientOrganisationId;
        }
    }

    record Household(int index, String family, String pupilId, LocalDate pupilBorn, String pupilUpn,
                     String toddlerId, LocalDate toddlerBorn, String suspectId, String suspectPnc,
                     String schoolId, String nurseId, String gpId, String healthVisitingId, String probationId) {
    }

    private final List<Household> households = new ArrayList<>();

    Households(int count, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int org = i % ORGANISATIONS_PER_KIND;
            String family = "Faul" + letters(random, 8);
            households.add(new Household(i, family,
                    "FLT-CH-" + i + "-1", TestClock.bornYearsAgo(9, 3, 10), upn(random),
                    "FLT-CH-" + i + "-2", TestClock.bornYearsAgo(2, 6, 1),
                    "FLT-AD-" + i, String.format(Locale.ROOT, "91/%07dF", i),
                    "FLT-SCH-" + org, "FLT-SN-" + org, "FLT-GP-" + org, "FLT-HV-" + org, "FLT-PDU-" + org));
        }
    }

    List<Household> all() {
        return households;
    }

    Household get(int i) {
        return households.get(i % households.size());
    }

    /** The directory document: organisations, children, adults and household links. */
    Map<String, Object> directoryDocument() {
        List<Map<String, Object>> organisations = new ArrayList<>();
        for (int org = 0; org < ORGANISATIONS_PER_KIND; org++) {
            organisations.add(organisation("FLT-SN-" + org, "Fault School Nursing " + org, "SCHOOL_NURSE", null, null));
            organisations.add(organisation("FLT-SCH-" + org, "Fault Primary School " + org, "SCHOOL", "PRIMARY",
                    "FLT-SN-" + org));
            organisations.add(organisation("FLT-GP-" + org, "Fault Surgery " + org, "GP", null, null));
            organisations.add(organisation("FLT-HV-" + org, "Fault Health Visiting " + org, "HEALTH_VISITING",
                    null, null));
            organisations.add(organisation("FLT-PDU-" + org, "Fault Probation Unit " + org, "PROBATION", null, null));
        }
        List<Map<String, Object>> children = new ArrayList<>();
        List<Map<String, Object>> adults = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (Household h : households) {
            Map<String, Object> pupil = map("id", h.pupilId(), "givenName", "Ava", "familyName", h.family(),
                    "dateOfBirth", h.pupilBorn().toString(), "postcode", "EX1 1AA",
                    "identifiers", List.of(map("scheme", "UPN", "value", h.pupilUpn())),
                    "schoolId", h.schoolId(), "gpPracticeId", h.gpId());
            Map<String, Object> toddler = map("id", h.toddlerId(), "givenName", "Ben", "familyName", h.family(),
                    "dateOfBirth", h.toddlerBorn().toString(), "postcode", "EX1 1AA",
                    "gpPracticeId", h.gpId(), "healthVisitingTeamId", h.healthVisitingId());
            children.add(pupil);
            children.add(toddler);
            adults.add(map("id", h.suspectId(), "givenName", "Sam", "familyName", h.family(),
                    "dateOfBirth", "1990-01-01",
                    "identifiers", List.of(map("scheme", "PNC_ID", "value", h.suspectPnc())),
                    "probationDeliveryUnitId", h.probationId(), "probationCaseReference", "PDU-CASE-FLT-" + h.index()));
            links.add(map("childId", h.pupilId(), "adultId", h.suspectId(), "relationship", "PARENT"));
            links.add(map("childId", h.toddlerId(), "adultId", h.suspectId(), "relationship", "PARENT"));
        }
        return map("organisations", organisations, "children", children, "adults", adults, "householdLinks", links);
    }

    /** Revision 1 of an incident naming the household's two children (the pupil with its UPN) and its suspect. */
    static IncidentReported incident(Household h, String policeReference) {
        IncidentReported.Builder b = SampleIncidents.incident(FORCE, policeReference)
                .setAdults(new ArrayList<>(List.of(
                        SampleIncidents.adult("Alex", h.family(), AdultRole.VICTIM),
                        SampleIncidents.adult("Sam", h.family(), AdultRole.SUSPECT,
                                SampleIncidents.id(IdentifierScheme.PNC_ID, h.suspectPnc())))))
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Ava", h.family(), h.pupilBorn())
                                .setIdentifiers(new ArrayList<>(List.of(
                                        SampleIncidents.id(IdentifierScheme.UPN, h.pupilUpn()))))
                                .build(),
                        SampleIncidents.child("Ben", h.family(), h.toddlerBorn())
                                .setSpokenTo(false).setVoiceOfChild(null).setAdultPresentWhenSpokenTo(null)
                                .build())));
        return b.build();
    }

    /** Revision 2 of an incident: reported an hour later, the risk now high. */
    static IncidentReported revision2(IncidentReported revision1) {
        return IncidentReported.newBuilder(revision1).setRevision(2)
                .setReportedAt(revision1.getReportedAt().plusSeconds(3600))
                .setRiskLevel(RiskLevel.HIGH)
                .build();
    }

    /** The six alerts an incident revision about this household must yield. */
    static List<AlertKey> expectedAlerts(Household h, String incidentId, int revision) {
        return List.of(
                new AlertKey(incidentId, revision, h.pupilId(), h.schoolId()),
                new AlertKey(incidentId, revision, h.pupilId(), h.nurseId()),
                new AlertKey(incidentId, revision, h.pupilId(), h.gpId()),
                new AlertKey(incidentId, revision, h.toddlerId(), h.gpId()),
                new AlertKey(incidentId, revision, h.toddlerId(), h.healthVisitingId()),
                new AlertKey(incidentId, revision, h.pupilId(), h.probationId()));
    }

    private static Map<String, Object> organisation(String id, String name, String kind, String phase, String nurse) {
        Map<String, Object> o = map("id", id, "name", name, "kind", kind, "contactName", "Safeguarding lead",
                "email", "safeguarding@" + id.toLowerCase(Locale.ROOT) + ".example", "phone", "01234 567890",
                "postcode", "EX1 1AA");
        if (phase != null) {
            o.put("phase", phase);
        }
        if (nurse != null) {
            o.put("schoolNurseOrganisationId", nurse);
        }
        return o;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String letters(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static String upn(Random random) {
        return "F" + String.format(Locale.ROOT, "%012d", (random.nextLong() >>> 1) % 1_000_000_000_000L);
    }
}
