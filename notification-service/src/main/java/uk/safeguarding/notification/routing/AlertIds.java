package uk.safeguarding.notification.routing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The alert id is a name-based UUID of (incident, revision, child, recipient): the same inputs, the same id. */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String incidentId, int revision, String childId, String recipientOrganisationId) {
        String name = "alert/" + incidentId + "/" + revision + "/" + childId + "/" + recipientOrganisationId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
