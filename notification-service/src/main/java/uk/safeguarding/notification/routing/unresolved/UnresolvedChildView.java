package uk.safeguarding.notification.routing.unresolved;

import uk.safeguarding.avro.ChildUnresolved;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An unresolved child as the API shows it: the child as the police recorded it (names, date of birth, postcode),
 * why it was not routed (reason, detail, the best candidate's score and the matcher's reasons), the incident (id,
 * revision, force, police reference), when it was received and by when its alerts are due, and the resolution.
 */
public record UnresolvedChildView(long id, String incidentId, int incidentRevision, String forceCode,
                                  String policeReference, int childIndex, String givenName, String familyName,
                                  LocalDate dateOfBirth, String postcode, String reason, String detail,
                                  Integer bestScore, List<String> matchReasons, Instant detectedAt, Instant receivedAt,
                                  Instant dueBy, String status, String resolution, String resolvedChildId,
                                  String resolvedBy, Instant resolvedAt) {

    static UnresolvedChildView of(UnresolvedChildren.Row row, Instant dueBy) {
        ChildUnresolved c = row.child();
        return new UnresolvedChildView(row.id(), c.getIncidentId(), c.getIncidentRevision(), c.getForceCode(),
                c.getPoliceReference(), c.getChildIndex(), c.getGivenName(), c.getFamilyName(), c.getDateOfBirth(),
                c.getPostcode(), c.getReason().name(), c.getDetail(), c.getBestScore(), List.copyOf(c.getMatchReasons()),
                c.getDetectedAt(), row.receivedAt(), dueBy, row.status().name(),
                row.resolution() == null ? null : row.resolution().name(), row.resolvedChildId(), row.resolvedBy(),
                row.resolvedAt());
    }

    /** How long the child has waited since the incident was received, in words ("5 hours", "3 days"). */
    public String waitingFor(Instant now) {
        java.time.Duration d = java.time.Duration.between(receivedAt, now);
        if (d.toHours() >= 48) {
            return d.toDays() + " days";
        }
        long hours = Math.max(0, d.toHours());
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
