package uk.safeguarding.notification.shared.vocabulary;

import java.util.Locale;

/**
 * A police reference as people see it (pages, the export): the reference as the force wrote it, shown once. Forces
 * usually start it with their code ("EXP-2026-000123"); only a reference that does not is prefixed with the force's
 * code ("EXP 2026/123"), so it can be quoted to the right force.
 */
public final class PoliceReferences {

    private PoliceReferences() {
    }

    public static String display(String forceCode, String reference) {
        String ref = reference == null ? "" : reference.strip();
        String force = forceCode == null ? "" : forceCode.strip();
        if (ref.isEmpty()) {
            return force;
        }
        if (force.isEmpty() || startsWithForce(ref, force)) {
            return ref;
        }
        return force + " " + ref;
    }

    /** "EXP-1", "EXP/1", "EXP 1" and "EXP" start with force EXP; "EXPO-1" does not. */
    private static boolean startsWithForce(String reference, String force) {
        String r = reference.toUpperCase(Locale.ROOT);
        String f = force.toUpperCase(Locale.ROOT);
        return r.startsWith(f) && (r.length() == f.length() || !Character.isLetterOrDigit(r.charAt(f.length())));
    }
}
