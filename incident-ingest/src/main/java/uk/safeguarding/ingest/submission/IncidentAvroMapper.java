package uk.safeguarding.ingest.submission;

import uk.safeguarding.serde.GeneratedAvroClasses;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.Consent;
import uk.safeguarding.avro.ConsentStatus;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.schemas.contract.IdentifierRules;
import uk.safeguarding.avro.Location;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.avro.RiskLevel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a validated JSON submission to the Avro record downstream services read. Plain code: defaults the JSON leaves
 * open are settled here (revision 1, risk UNKNOWN, role OTHER, booleans false) so the record on the topic is complete.
 * Instants are cut to milliseconds because that is what Avro's timestamp-millis carries.
 */
public final class IncidentAvroMapper {

    static {
        GeneratedAvroClasses.trust(); // builders fill enum defaults through Avro's class check
    }

    public IncidentReported toAvro(IncidentSubmission in, String incidentId, Instant reportedAt) {
        return IncidentReported.newBuilder()
                .setIncidentId(incidentId)
                .setForceCode(in.forceCode())
                .setPoliceReference(in.policeReference())
                .setRevision(in.revisionOrDefault())
                .setOccurredAt(in.occurredAt().truncatedTo(ChronoUnit.MILLIS))
                .setReportedAt(reportedAt.truncatedTo(ChronoUnit.MILLIS))
                .setLocation(location(in.location()))
                .setRiskLevel(RiskLevel.valueOf(in.riskLevelOrDefault().name()))
                .setCircumstances(blankToNull(in.circumstances()))
                .setAdults(new ArrayList<>(in.adultsOrEmpty().stream().map(IncidentAvroMapper::adult).toList()))
                .setChildren(new ArrayList<>(in.childrenOrEmpty().stream().map(IncidentAvroMapper::child).toList()))
                .setAttendingOfficer(officer(in.attendingOfficer()))
                .setConsent(consent(in.consent()))
                .setRevisionKind(RevisionKind.valueOf(in.revisionKindOrDefault().name()))
                .setRevisionNote(blankToNull(in.revisionNote()))
                .build();
    }

    private static Consent consent(IncidentSubmission.Consent c) {
        if (c == null) {
            return null;
        }
        return Consent.newBuilder()
                .setStatus(ConsentStatus.valueOf(c.status().name()))
                .setNote(blankToNull(c.note()))
                .build();
    }

    private static Location location(IncidentSubmission.Location l) {
        if (l == null) {
            return null;
        }
        return Location.newBuilder()
                .setAddressLine(blankToNull(l.addressLine()))
                .setTown(blankToNull(l.town()))
                .setPostcode(postcode(l.postcode()))
                .build();
    }

    private static IncidentAdult adult(IncidentSubmission.Adult a) {
        return IncidentAdult.newBuilder()
                .setGivenName(a.givenName().trim())
                .setFamilyName(a.familyName().trim())
                .setDateOfBirth(a.dateOfBirth())
                .setRole(AdultRole.valueOf(a.roleOrDefault().name()))
                .setIdentifiers(identifiers(a.identifiersOrEmpty()))
                .build();
    }

    private static IncidentChild child(IncidentSubmission.Child c) {
        return IncidentChild.newBuilder()
                .setGivenName(c.givenName().trim())
                .setFamilyName(c.familyName().trim())
                .setDateOfBirth(c.dateOfBirth())
                .setIdentifiers(identifiers(c.identifiersOrEmpty()))
                .setPostcode(postcode(c.postcode()))
                .setPresent(Boolean.TRUE.equals(c.present()))
                .setSpokenTo(Boolean.TRUE.equals(c.spokenTo()))
                .setVoiceOfChild(blankToNull(c.voiceOfChild()))
                .setAdultPresentWhenSpokenTo(c.adultPresentWhenSpokenTo())
                .setWelfareCheckMade(Boolean.TRUE.equals(c.welfareCheckMade()))
                .build();
    }

    private static List<PersonIdentifier> identifiers(List<IncidentSubmission.Identifier> ids) {
        return new ArrayList<>(ids.stream().map(id -> PersonIdentifier.newBuilder()
                .setScheme(IdentifierScheme.valueOf(id.scheme().name()))
                .setValue(IdentifierRules.normalise(id.value()))
                .build()).toList());
    }

    private static OfficerContact officer(IncidentSubmission.Officer o) {
        return OfficerContact.newBuilder()
                .setName(o.name().trim())
                .setCollarNumber(blankToNull(o.collarNumber()))
                .setEmail(blankToNull(o.email()))
                .setPhone(blankToNull(o.phone()))
                .build();
    }

    /** Upper case, single space before the inward code: the form routing tables are keyed by. */
    static String postcode(String postcode) {
        String compact = blankToNull(postcode) == null ? null : postcode.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        if (compact == null) {
            return null;
        }
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3) : compact;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
