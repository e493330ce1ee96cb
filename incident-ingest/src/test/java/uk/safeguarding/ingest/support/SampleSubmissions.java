package uk.safeguarding.ingest.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Valid incident JSON as a force would send it; names and places are invented. Tests change what they test. */
public final class SampleSubmissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reference no other test uses: the database and topic are shared by the whole test run. */
    public static String uniqueReference() {
        return "REF-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static ObjectNode incident(String forceCode, String policeReference) {
        ObjectNode incident = JSON.createObjectNode()
                .put("forceCode", forceCode)
                .put("policeReference", policeReference)
                .put("revision", 1)
                .put("occurredAt", "2026-11-20T22:15:00Z")
                .put("reportedAt", "2026-11-20T23:15:00Z")
                .put("riskLevel", "MEDIUM")
                .put("circumstances", "Verbal argument overheard by neighbours; officers attended.");
        incident.putObject("location").put("addressLine", "1 Example Road").put("town", "Exampleton")
                .put("postcode", "EX1 1AA");
        ArrayNode adults = incident.putArray("adults");
        ObjectNode victim = adults.addObject().put("givenName", "Alex").put("familyName", "Sample")
                .put("dateOfBirth", "1990-01-01").put("role", "VICTIM");
        victim.putArray("identifiers");
        ObjectNode suspect = adults.addObject().put("givenName", "Sam").put("familyName", "Sample")
                .put("dateOfBirth", "1988-02-02").put("role", "SUSPECT");
        suspect.putArray("identifiers").addObject().put("scheme", "PNC_ID").put("value", "88/123456X");
        ObjectNode child = incident.putArray("children").addObject()
                .put("givenName", "Robin").put("familyName", "Sample").put("dateOfBirth", "2016-05-04");
        ArrayNode ids = child.putArray("identifiers");
        ids.addObject().put("scheme", "UPN").put("value", "A123456789012");
        ids.addObject().put("scheme", "NHS_NUMBER").put("value", "9434765919");
        child.put("postcode", "EX1 1AA").put("present", true).put("spokenTo", true)
                .put("voiceOfChild", "I hid in my room").put("adultPresentWhenSpokenTo", false)
                .put("welfareCheckMade", true);
        incident.putObject("attendingOfficer").put("name", "PC Example").put("collarNumber", "1234")
                .put("email", "encompass@police.example").put("phone", "01234 567890");
        return incident;
    }

    public static ObjectNode child(ObjectNode incident, int index) {
        return (ObjectNode) incident.withArray("children").get(index);
    }

    private SampleSubmissions() {
    }
}
