package uk.safeguarding.ingest.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads which forces a token lets its client submit for. A client-credentials token carries OAuth2 scopes; a police
 * system may submit for force {@code WMP} when it holds the scope {@code incidents:submit:WMP}. Scopes rather than a
 * custom claim because every identity provider can issue them to a client without custom token mappers, and one
 * system that serves several forces (a regional hub) simply holds several.
 *
 * <p>The claim may be a space-separated string (RFC 8693/9068 {@code scope}) or an array (Azure AD {@code roles},
 * Okta {@code scp}); which claim is read is configuration.
 */
public final class ForceScopes {

    /** The same rule as the submission's forceCode: anything else in a scope is not a force. */
    private static final Pattern FORCE_CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    private ForceScopes() {
    }

    public static Set<String> forceCodes(Object claim, String prefix) {
        Set<String> forces = new LinkedHashSet<>();
        if (claim instanceof String s) {
            for (String scope : s.trim().split("\\s+")) {
                add(forces, scope, prefix);
            }
        } else if (claim instanceof Collection<?> scopes) {
            for (Object scope : scopes) {
                if (scope != null) {
                    add(forces, scope.toString(), prefix);
                }
            }
        }
        return forces;
    }

    /** The scope a client needs to submit for a force, e.g. {@code incidents:submit:WMP}. */
    public static String scopeFor(String forceCode, String prefix) {
        return prefix + forceCode;
    }

    private static void add(Set<String> forces, String scope, String prefix) {
        if (scope.startsWith(prefix)) {
            String force = scope.substring(prefix.length());
            if (FORCE_CODE.matcher(force).matches()) {
                forces.add(force);
            }
        }
    }
}
