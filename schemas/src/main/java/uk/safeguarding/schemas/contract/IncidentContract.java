package uk.safeguarding.schemas.contract;

import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Location;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.schemas.IncidentIds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one input contract of an incident, at both doors: incident-ingest checks a submission with it before anything
 * is recorded (400 naming each field), notification-service checks every record read from the incidents topic
 * (the dead-letter topic naming each field), so a police system producing straight onto Kafka meets the same rules
 * as one calling the API. Whatever passes fits the database: lengths within the columns, no control characters the
 * database or a log would choke on, dates within what PostgreSQL and the deadlines understand.
 *
 * <p>A child's date of birth may be missing (police do not always know it): such a child is matched by an identifier
 * or a person on the working list, never refused.
 */
public final class IncidentContract {

    /** The largest incident record the platform reads (at the API: the largest body). */
    public static final int MAX_RECORD_BYTES = 256 * 1024;
    public static final int MAX_NAME = 100;
    public static final int MAX_POLICE_REFERENCE = 64;
    public static final int MAX_IDENTIFIER = 64;
    public static final int MAX_POSTCODE = 10;
    public static final int MAX_FREE_TEXT = 4000;
    public static final int MAX_REVISION_NOTE = 2000;
    public static final int MAX_ADDRESS_LINE = 200;
    public static final int MAX_TOWN = 100;
    public static final int MAX_COLLAR_NUMBER = 20;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 30;
    public static final int MAX_ADULTS = 50;
    public static final int MAX_CHILDREN = 30;
    public static final int MAX_IDENTIFIERS = 10;
    public static final int MAX_REVISION = 10_000;
    /** A force's clock may run a little ahead of the platform's. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Nothing the platform handles happened, or anyone in it was born, before this. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    public static final Pattern FORCE_CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    public static final Pattern POLICE_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]*");
    public static final Pattern UK_POSTCODE = Pattern.compile("[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}");

    private IncidentContract() {
    }

    /** Every broken rule of the record, empty when it may be routed; {@code now} is the platform clock's. */
    public static List<FieldProblem> check(IncidentReported incident, Instant now) {
        Checks c = new Checks();
        c.identifier("forceCode", incident.getForceCode(), 10);
        if (present(incident.getForceCode()) && !FORCE_CODE.matcher(incident.getForceCode()).matches()) {
            c.add("forceCode", "must be 2 to 10 upper-case letters or digits, starting with a letter");
        }
        c.identifier("policeReference", incident.getPoliceReference(), MAX_POLICE_REFERENCE);
        if (present(incident.getPoliceReference()) && !POLICE_REFERENCE.matcher(incident.getPoliceReference()).matches()) {
            c.add("policeReference", "must be letters, digits and / . _ - only, starting with a letter or digit");
        }
        c.identifier("incidentId", incident.getIncidentId(), 64);
        if (c.problems.isEmpty() && !incident.getIncidentId().equals(
                IncidentIds.forPoliceReference(incident.getForceCode(), incident.getPoliceReference()))) {
            c.add("incidentId", "must be the id the platform derives from forceCode and policeReference");
        }
        if (incident.getRevision() < 1 || incident.getRevision() > MAX_REVISION) {
            c.add("revision", "must be from 1 to " + MAX_REVISION);
        }
        Instant latest = now.plus(ALLOWED_CLOCK_SKEW);
        Instant earliest = EARLIEST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
        c.instant("occurredAt", incident.getOccurredAt(), earliest, latest);
        c.instant("reportedAt", incident.getReportedAt(), earliest, latest);
        if (incident.getOccurredAt() != null && incident.getReportedAt() != null
                && incident.getOccurredAt().isAfter(incident.getReportedAt())) {
            c.add("occurredAt", "must not be after reportedAt");
        }
        LocalDate incidentDay = incident.getOccurredAt() == null ? null
                : LocalDate.ofInstant(incident.getOccurredAt().isAfter(latest) ? latest : incident.getOccurredAt(),
                ZoneOffset.UTC).plusDays(1); // a birth late on the day of an incident after midnight UTC is fine
        c.freeText("circumstances", incident.getCircumstances(), MAX_FREE_TEXT);
        c.freeText("revisionNote", incident.getRevisionNote(), MAX_REVISION_NOTE);
        location(c, "location", incident.getLocation());
        officer(c, incident.getAttendingOfficer());

        List<IncidentAdult> adults = incident.getAdults();
        if (adults != null) {
            if (adults.size() > MAX_ADULTS) {
                c.add("adults", "must list at most " + MAX_ADULTS);
            }
            for (int i = 0; i < adults.size() && i < MAX_ADULTS; i++) {
                IncidentAdult a = adults.get(i);
                String at = "adults[" + i + "]";
                c.name(at + ".givenName", a.getGivenName());
                c.name(at + ".familyName", a.getFamilyName());
                c.birth(at + ".dateOfBirth", a.getDateOfBirth(), incidentDay);
                identifiers(c, at, a.getIdentifiers());
            }
        }
        List<IncidentChild> children = incident.getChildren();
        if (children == null || children.isEmpty()) {
            c.add("children", "must list at least one child");
        } else {
            if (children.size() > MAX_CHILDREN) {
                c.add("children", "must list at most " + MAX_CHILDREN);
            }
            for (int i = 0; i < children.size() && i < MAX_CHILDREN; i++) {
                IncidentChild child = children.get(i);
                String at = "children[" + i + "]";
                c.name(at + ".givenName", child.getGivenName());
                c.name(at + ".familyName", child.getFamilyName());
                c.birth(at + ".dateOfBirth", child.getDateOfBirth(), incidentDay);
                c.postcode(at + ".postcode", child.getPostcode());
                c.freeText(at + ".voiceOfChild", child.getVoiceOfChild(), MAX_FREE_TEXT);
                identifiers(c, at, child.getIdentifiers());
            }
        }
        return List.copyOf(c.problems);
    }

    /** The problems of a record too large to read: its size, never its content. */
    public static List<FieldProblem> tooLarge(int bytes) {
        return List.of(new FieldProblem("(record)", "is " + bytes + " bytes; at most " + MAX_RECORD_BYTES + " are read"));
    }

    private static void location(Checks c, String at, Location location) {
        if (location == null) {
            return;
        }
        c.freeTextLine(at + ".addressLine", location.getAddressLine(), MAX_ADDRESS_LINE);
        c.freeTextLine(at + ".town", location.getTown(), MAX_TOWN);
        c.postcode(at + ".postcode", location.getPostcode());
    }

    private static void officer(Checks c, OfficerContact officer) {
        if (officer == null) {
            c.add("attendingOfficer", "must be given");
            return;
        }
        c.name("attendingOfficer.name", officer.getName());
        c.optionalIdentifier("attendingOfficer.collarNumber", officer.getCollarNumber(), MAX_COLLAR_NUMBER);
        c.optionalIdentifier("attendingOfficer.email", officer.getEmail(), MAX_EMAIL);
        c.optionalIdentifier("attendingOfficer.phone", officer.getPhone(), MAX_PHONE);
    }

    private static void identifiers(Checks c, String at, List<PersonIdentifier> identifiers) {
        if (identifiers == null) {
            return;
        }
        if (identifiers.size() > MAX_IDENTIFIERS) {
            c.add(at + ".identifiers", "must list at most " + MAX_IDENTIFIERS);
        }
        for (int j = 0; j < identifiers.size() && j < MAX_IDENTIFIERS; j++) {
            PersonIdentifier id = identifiers.get(j);
            String field = at + ".identifiers[" + j + "].value";
            int before = c.problems.size();
            c.identifier(field, id.getValue(), MAX_IDENTIFIER);
            if (c.problems.size() > before || id.getScheme() == null) {
                continue;
            }
            switch (id.getScheme()) {
                case UPN -> {
                    if (!IdentifierRules.isUniquePupilNumber(id.getValue())) {
                        c.add(field, IdentifierRules.UPN_RULE);
                    }
                }
                case NHS_NUMBER -> {
                    if (!IdentifierRules.isNhsNumber(id.getValue())) {
                        c.add(field, IdentifierRules.NHS_NUMBER_RULE);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static boolean present(CharSequence s) {
        return s != null && !s.toString().isBlank();
    }

    /** Collects problems; each check says what is wrong in words that never repeat the value. */
    private static final class Checks {
        private final List<FieldProblem> problems = new ArrayList<>();

        void add(String field, String reason) {
            problems.add(new FieldProblem(field, reason));
        }

        /** Required, one line, no control characters, at most {@code max} characters. */
        void identifier(String field, CharSequence value, int max) {
            if (!present(value)) {
                add(field, "must not be blank");
                return;
            }
            line(field, value, max);
        }

        void optionalIdentifier(String field, CharSequence value, int max) {
            if (value != null) {
                line(field, value, max);
            }
        }

        void name(String field, CharSequence value) {
            identifier(field, value, MAX_NAME);
        }

        void postcode(String field, CharSequence value) {
            if (value == null) {
                return;
            }
            if (value.length() > MAX_POSTCODE || !UK_POSTCODE.matcher(value).matches()) {
                add(field, "must be a UK postcode");
            }
        }

        /** Optional text of one line. */
        void freeTextLine(String field, CharSequence value, int max) {
            optionalIdentifier(field, value, max);
        }

        /** Optional text of several lines: tab and line breaks allowed, no other control character. */
        void freeText(String field, CharSequence value, int max) {
            if (value == null) {
                return;
            }
            if (value.length() > max) {
                add(field, "must be at most " + max + " characters");
            }
            if (Text.hasControlCharacter(value, true)) {
                add(field, "must not contain control characters other than tab and line breaks");
            }
        }

        void instant(String field, Instant value, Instant earliest, Instant latest) {
            if (value == null) {
                add(field, "must be given");
            } else if (value.isBefore(earliest)) {
                add(field, "must not be before " + EARLIEST_DATE);
            } else if (value.isAfter(latest)) {
                add(field, "must not be in the future");
            }
        }

        void birth(String field, LocalDate value, LocalDate incidentDay) {
            if (value == null) {
                return;
            }
            if (value.isBefore(EARLIEST_DATE)) {
                add(field, "must not be before " + EARLIEST_DATE);
            } else if (incidentDay != null && value.isAfter(incidentDay)) {
                add(field, "must not be after the incident");
            }
        }

        private void line(String field, CharSequence value, int max) {
            if (value.length() > max) {
                add(field, "must be at most " + max + " characters");
            }
            if (Text.hasControlCharacter(value, false)) {
                add(field, "must not contain control characters");
            }
        }
    }
}
