package uk.safeguarding.notification.shared.vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** The alert id is a name-based UUID of (incident, revision, child, recipient): the same inputs, the same id. */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String incidentId, int revision, String childId, String recipientOrganisationId) {
        String name = "alert/" + incidentId + "/" + revision + "/" + childId + "/" + recipientOrganisationId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * An alert id as a URL or a form gives it: empty when it is not an id at all, so that callers answer exactly as for
     * an alert that does not exist (never revealing which ids do).
     */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
