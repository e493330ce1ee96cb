package uk.safeguarding.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The platform incident id is derived from the force code and the police reference, so every revision of one
 * police incident has the same id whether it arrived over HTTPS or was produced straight onto Kafka by the force.
 */
public final class IncidentIds {

    private IncidentIds() {
    }

    public static String forPoliceReference(String forceCode, String policeReference) {
        String name = forceCode.trim().toUpperCase(Locale.ROOT) + "/" + policeReference.trim();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
