package uk.safeguarding.notification.routing;

import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;

import java.util.ArrayList;
import java.util.List;

/** The checks an incident must pass to be routed; a failing incident goes to the dead-letter topic. */
public final class IncidentValidator {

    private IncidentValidator() {
    }

    /** Every problem found, in words without personal data; empty when the incident can be routed. */
    public static List<String> problems(IncidentReported incident) {
        List<String> problems = new ArrayList<>();
        if (blank(incident.getIncidentId())) {
            problems.add("incidentId is missing");
        }
        if (blank(incident.getForceCode())) {
            problems.add("forceCode is missing");
        }
        if (blank(incident.getPoliceReference())) {
            problems.add("policeReference is missing");
        }
        if (incident.getRevision() < 1) {
            problems.add("revision must be 1 or more, was " + incident.getRevision());
        }
        if (incident.getOccurredAt() == null) {
            problems.add("occurredAt is missing");
        }
        if (incident.getChildren() == null || incident.getChildren().isEmpty()) {
            problems.add("children is empty: an incident must name at least one child");
        } else {
            for (int i = 0; i < incident.getChildren().size(); i++) {
                IncidentChild c = incident.getChildren().get(i);
                if (blank(c.getGivenName()) && blank(c.getFamilyName()) && c.getIdentifiers().isEmpty()) {
                    problems.add("children[" + i + "] has neither a name nor an identifier");
                }
            }
        }
        if (incident.getAttendingOfficer() == null) {
            problems.add("attendingOfficer is missing");
        }
        return problems;
    }

    private static boolean blank(CharSequence s) {
        return s == null || s.toString().isBlank();
    }
}
