package uk.safeguarding.notification.routing.matching;

/**
 * Thresholds of {@link FuzzyChildMatcher} on its 0-100 score: at or above {@code matchThreshold} a match; at or above
 * {@code reviewThreshold} a match used but flagged for review; below, unresolved. When the best two candidates whose
 * given names agree score within {@code ambiguityMargin} of each other, nobody is picked.
 */
public record MatchSettings(int matchThreshold, int reviewThreshold, int ambiguityMargin) {

    public static final MatchSettings DEFAULTS = new MatchSettings(80, 65, 10);

    public MatchSettings {
        if (reviewThreshold > matchThreshold) {
            throw new IllegalArgumentException("review threshold " + reviewThreshold
                    + " above match threshold " + matchThreshold);
        }
        if (ambiguityMargin < 0) {
            throw new IllegalArgumentException("ambiguity margin must not be negative");
        }
    }
}
