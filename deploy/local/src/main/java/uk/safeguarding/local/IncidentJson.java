package uk.safeguarding.local;

import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Location;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON incident-ingest accepts ({@code POST /api/v1/incidents}) for an incident revision: the Avro
 * {@code IncidentReported} minus the platform's incident id, which ingest derives from force and reference. One
 * builder serves both paths (HTTPS and straight onto Kafka), so both carry the same incident.
 */
public final class IncidentJson {

    private IncidentJson() {
    }

    public static Map<String, Object> of(IncidentReported i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("forceCode", i.getForceCode());
        m.put("policeReference", i.getPoliceReference());
        m.put("revision", i.getRevision());
        m.put("occurredAt", i.getOccurredAt().toString());
        m.put("reportedAt", i.getReportedAt().toString());
        if (i.getLocation() != null) {
            m.put("location", location(i.getLocation()));
        }
        m.put("riskLevel", i.getRiskLevel().name());
        putIfNotNull(m, "circumstances", i.getCircumstances());
        m.put("adults", i.getAdults().stream().map(IncidentJson::adult).toList());
        m.put("children", i.getChildren().stream().map(IncidentJson::child).toList());
        m.put("attendingOfficer", officer(i.getAttendingOfficer()));
        return m;
    }

    private static Map<String, Object> location(Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfNotNull(m, "addressLine", l.getAddressLine());
        putIfNotNull(m, "town", l.getTown());
        putIfNotNull(m, "postcode", l.getPostcode());
        return m;
    }

    private static Map<String, Object> adult(IncidentAdult a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenName", a.getGivenName());
        m.put("familyName", a.getFamilyName());
        if (a.getDateOfBirth() != null) {
            m.put("dateOfBirth", a.getDateOfBirth().toString());
        }
        m.put("role", a.getRole().name());
        m.put("identifiers", identifiers(a.getIdentifiers()));
        return m;
    }

    private static Map<String, Object> child(IncidentChild c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenName", c.getGivenName());
        m.put("familyName", c.getFamilyName());
        if (c.getDateOfBirth() != null) {
            m.put("dateOfBirth", c.getDateOfBirth().toString());
        }
        m.put("identifiers", identifiers(c.getIdentifiers()));
        putIfNotNull(m, "postcode", c.getPostcode());
        m.put("present", c.getPresent());
        m.put("spokenTo", c.getSpokenTo());
        putIfNotNull(m, "voiceOfChild", c.getVoiceOfChild());
        putIfNotNull(m, "adultPresentWhenSpokenTo", c.getAdultPresentWhenSpokenTo());
        m.put("welfareCheckMade", c.getWelfareCheckMade());
        return m;
    }

    private static List<Map<String, Object>> identifiers(List<PersonIdentifier> ids) {
        return ids.stream().map(id -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", id.getScheme().name());
            m.put("value", id.getValue());
            return m;
        }).toList();
    }

    private static Map<String, Object> officer(OfficerContact o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.getName());
        putIfNotNull(m, "collarNumber", o.getCollarNumber());
        putIfNotNull(m, "email", o.getEmail());
        putIfNotNull(m, "phone", o.getPhone());
        return m;
    }

    private static void putIfNotNull(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value instanceof CharSequence ? value.toString() : value);
        }
    }
}
