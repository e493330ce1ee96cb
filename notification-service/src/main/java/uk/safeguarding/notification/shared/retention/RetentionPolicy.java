package uk.safeguarding.notification.shared.retention;

import uk.safeguarding.avro.AgencyKind;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long the platform keeps personal data, by recipient kind for alerts, and for the other records that name people.
 * The platform is a conduit: recipients keep their own records under their own retention schedules; this is how long
 * the platform's copy (ledger content, inbox view, webhook body, unresolved child's details) stays readable.
 * Past it, the purge leaves an anonymised stub (ids, recipient, kind, instants) and nothing that names anyone.
 *
 * @param alerts      by recipient kind; a kind not listed keeps {@code otherAlerts}
 * @param otherAlerts for any kind not in {@code alerts}
 * @param unresolved  children that could not be routed: police's names and date of birth, from detection
 * @param webhookBodies the exact bytes sent to an organisation's system, from creation (shorter: only for retries)
 * @param audit       the disclosure audit's ids (child, incident, alert, person); past it a row keeps only what was
 *                    disclosed to which organisation, when, under which policy and basis
 */
public record RetentionPolicy(Map<AgencyKind, Duration> alerts, Duration otherAlerts, Duration unresolved,
                              Duration webhookBodies, Duration audit) {

    public RetentionPolicy {
        alerts = alerts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(alerts));
        requirePositive("other alerts", otherAlerts);
        requirePositive("unresolved", unresolved);
        requirePositive("webhook bodies", webhookBodies);
        requirePositive("audit", audit);
        alerts.forEach((kind, d) -> requirePositive(kind.name(), d));
    }

    public Duration forAlerts(AgencyKind kind) {
        return alerts.getOrDefault(kind, otherAlerts);
    }

    /** Records of this kind created before the returned instant are past retention at {@code now}. */
    public Instant alertCutoff(AgencyKind kind, Instant now) {
        return now.minus(forAlerts(kind));
    }

    public Instant unresolvedCutoff(Instant now) {
        return now.minus(unresolved);
    }

    public Instant auditCutoff(Instant now) {
        return now.minus(audit);
    }

    public Instant webhookBodyCutoff(Instant now) {
        return now.minus(webhookBodies);
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("Retention for " + what + " must be a positive duration, was " + d);
        }
    }
}
