package uk.safeguarding.notification.unresolved;

import uk.safeguarding.avro.ChildUnresolved;

import java.time.Instant;
import java.time.LocalDate;

/** An unresolved child as the API shows it. */
public record UnresolvedChildView(long id, String incidentId, int incidentRevision, String forceCode,
                                  String policeReference, int childIndex, String givenName, String familyName,
                                  LocalDate dateOfBirth, String reason, String detail, Instant detectedAt) {

    UnresolvedChildView(long id, ChildUnresolved c) {
        this(id, c.getIncidentId(), c.getIncidentRevision(), c.getForceCode(), c.getPoliceReference(), c.getChildIndex(),
                c.getGivenName(), c.getFamilyName(), c.getDateOfBirth(), c.getReason().name(), c.getDetail(),
                c.getDetectedAt());
    }
}
