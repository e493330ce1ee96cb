package uk.safeguarding.notification.shared.audit;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.DisclosureAction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One disclosure of information about a child, as the audit trail records it: who, to which organisation, which
 * child, incident and alert, which items (names, never values), when, under which policy version and basis. Ids only.
 *
 * <p>Event ids are derived from what happened (the same routing, delivery or first opening always yields the same id),
 * so recording an event twice (a redelivered batch) keeps one row, and a relay that publishes it twice publishes the
 * same id.
 */
public record DisclosureEvent(UUID eventId, DisclosureAction action, Instant occurredAt, String actor,
                              String organisationId, String childId, String incidentId, UUID alertId,
                              List<String> fields, String policyVersion, String lawfulBasis) {

    /** The actor of what the platform does by itself. */
    public static final String SYSTEM = "system";

    public DisclosureEvent {
        fields = List.copyOf(fields);
    }

    /** The alert was routed and published to its recipient's topic. */
    public static DisclosureEvent alertSent(AgencyAlert alert, Instant at) {
        return ofAlert(DisclosureAction.ALERT_SENT, alert, SYSTEM, at, stableId("ALERT_SENT", alert.getAlertId()));
    }

    /** The alert was recorded for its organisation: in its inbox, with notices and webhooks on their way. */
    public static DisclosureEvent alertDelivered(AgencyAlert alert, Instant at) {
        return ofAlert(DisclosureAction.ALERT_DELIVERED, alert, SYSTEM, at,
                stableId("ALERT_DELIVERED", alert.getAlertId()));
    }

    /** A person opened the alert (each person's first opening). */
    public static DisclosureEvent alertOpened(AgencyAlert alert, String personId, Instant at) {
        return ofAlert(DisclosureAction.ALERT_OPENED, alert, personId, at,
                stableId("ALERT_OPENED", alert.getAlertId(), personId));
    }

    /** A person exported the alert (every export is its own disclosure). */
    public static DisclosureEvent alertExported(AgencyAlert alert, String personId, Instant at) {
        return ofAlert(DisclosureAction.ALERT_EXPORTED, alert, personId, at, UUID.randomUUID());
    }

    /** A person read the whole alert through the API (every read is its own disclosure, like an export). */
    public static DisclosureEvent alertViewed(AgencyAlert alert, String personId, Instant at) {
        return ofAlert(DisclosureAction.VIEWED, alert, personId, at, UUID.randomUUID());
    }

    /**
     * A person of another organisation asked for the alert (page, API, export) and was refused: nothing was disclosed,
     * so no items; the organisation is the one that asked.
     */
    public static DisclosureEvent accessRefused(AgencyAlert alert, String personId, String organisationId, Instant at) {
        return new DisclosureEvent(UUID.randomUUID(), DisclosureAction.ACCESS_REFUSED, at, personId, organisationId,
                alert.getChild().getChildId(), alert.getIncidentId(), UUID.fromString(alert.getAlertId()), List.of(),
                alert.getPolicyVersion(), null);
    }

    /**
     * The directory lookups that found a child, one per child of each incident revision routed: the directory's record
     * of the child was used to route the police force's incident (disclosed to the force's request, as the platform).
     */
    public static List<DisclosureEvent> directoryMatches(List<AgencyAlert> alerts, Instant at) {
        Map<String, DisclosureEvent> byChild = new LinkedHashMap<>();
        for (AgencyAlert a : alerts) {
            String key = a.getIncidentId() + "/" + a.getIncidentRevision() + "/" + a.getChild().getChildId();
            byChild.computeIfAbsent(key, k -> new DisclosureEvent(stableId("DIRECTORY_MATCH", k),
                    DisclosureAction.DIRECTORY_MATCH, at, SYSTEM, a.getForceCode(), a.getChild().getChildId(),
                    a.getIncidentId(), null, List.of("childId", "linkedServices"), a.getPolicyVersion(), null));
        }
        return new ArrayList<>(byChild.values());
    }

    private static DisclosureEvent ofAlert(DisclosureAction action, AgencyAlert alert, String actor, Instant at,
                                           UUID eventId) {
        return new DisclosureEvent(eventId, action, at, actor, alert.getRecipient().getOrganisationId(),
                alert.getChild().getChildId(), alert.getIncidentId(), UUID.fromString(alert.getAlertId()),
                DisclosedItems.of(alert), alert.getPolicyVersion(), alert.getLawfulBasis());
    }

    static UUID stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }
}
