package uk.safeguarding.notification.matching;

import java.util.List;

/**
 * The matcher's decision: the outcome, the chosen candidate (null when unresolved), the score (0-100, identifiers
 * deciding give 100) and the reasons in words.
 */
public record MatchDecision(Outcome outcome, Candidate chosen, int score, List<String> reasons) {

    public enum Outcome {
        /** Confident match. */
        MATCHED,
        /** Grey zone: the candidate is used but the match is flagged for a person to check. */
        REVIEW,
        /** No candidate is good enough, or two are too close to tell apart. */
        UNRESOLVED
    }

    public MatchDecision {
        reasons = List.copyOf(reasons);
    }

    /** True when the chosen candidate is used (matched or under review). */
    public boolean used() {
        return outcome != Outcome.UNRESOLVED;
    }

    public String chosenId() {
        return chosen == null ? null : chosen.id();
    }
}
