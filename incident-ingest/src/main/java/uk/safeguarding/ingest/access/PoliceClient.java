package uk.safeguarding.ingest.access;

import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated police system: the OAuth2 client that presented the token and the force codes it may submit for.
 * Set on the request by {@link PoliceSystemFilter}; the controller checks every force code against it.
 */
public record PoliceClient(String clientId, Set<String> forceCodes) {

    /** Request attribute under which the filter leaves the authenticated client. */
    public static final String REQUEST_ATTRIBUTE = "uk.safeguarding.ingest.access.PoliceClient";

    public PoliceClient {
        forceCodes = Set.copyOf(new TreeSet<>(forceCodes));
    }

    public boolean mayActFor(String forceCode) {
        return forceCode != null && forceCodes.contains(forceCode);
    }

    /** The force codes in a stable order, for messages. */
    public String describeForces() {
        return forceCodes.isEmpty() ? "no force" : String.join(", ", new TreeSet<>(forceCodes));
    }
}
