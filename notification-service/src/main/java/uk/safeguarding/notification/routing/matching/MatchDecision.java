package uk.safeguarding.notification.routing.matching;

import java.util.List;

/**
 * The matcher's decision: the outcome, the chosen candidate (null when unresolved), the score (0-100, identifiers
 * deciding give 100), the reasons in words (never personal data) and, when unresolved, why.
 */
public record MatchDecision(Outcome outcome, Candidate chosen, int score, List<String> reasons, Why why) {

    public enum Outcome {
        /** Confident match. */
        MATCHED,
        /** Grey zone: the candidate is used but the match is flagged for a person to check. */
        REVIEW,
        /** No candidate is good enough, or two are too close to tell apart. */
        UNRESOLVED
    }

    /** Why a decision came out as it did: used, or the kind of unresolved. */
    public enum Why {
        USED,
        /** No candidate at all, or none whose given name agrees. */
        NO_CANDIDATE,
        /** Two or more candidates too close to tell apart (twins, identifiers naming several children). */
        AMBIGUOUS,
        /** The best candidate scores below the review threshold. */
        BELOW_THRESHOLD
    }

    public MatchDecision {
        reasons = List.copyOf(reasons);
        if (why == null) {
            why = outcome == Outcome.UNRESOLVED ? Why.NO_CANDIDATE : Why.USED;
        }
    }

    public MatchDecision(Outcome outcome, Candidate chosen, int score, List<String> reasons) {
        this(outcome, chosen, score, reasons, null);
    }

    /** True when the chosen candidate is used (matched or under review). */
    public boolean used() {
        return outcome != Outcome.UNRESOLVED;
    }

    public String chosenId() {
        return chosen == null ? null : chosen.id();
    }
}
