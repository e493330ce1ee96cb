package uk.safeguarding.notification.routing.family;

import uk.safeguarding.avro.RiskLevel;

import java.time.Instant;

/** An incident that involved a member of a family, as recorded (the latest revision's facts). */
public record FamilyIncident(String incidentId, String forceCode, Instant occurredAt, RiskLevel riskLevel) {
}
