package uk.safeguarding.registry.compatibility;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels, with the same names and meaning. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** Confluent's default when neither the subject nor the registry has a level set. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Consumers on the new schema must read what producers wrote with earlier ones. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Consumers still on earlier schemas must read what producers write with the new one. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Checked against every live version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Case-insensitive, as Confluent accepts "backward" as well as "BACKWARD". */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
