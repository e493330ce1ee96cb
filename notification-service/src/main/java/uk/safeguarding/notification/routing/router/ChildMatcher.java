package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.ChildMatch;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.MatchOutcome;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.routing.matching.BlockingKeys;
import uk.safeguarding.notification.routing.matching.Candidate;
import uk.safeguarding.notification.routing.matching.ChildDetails;
import uk.safeguarding.notification.routing.matching.FuzzyChildMatcher;
import uk.safeguarding.notification.routing.matching.MatchDecision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which directory child each child of an incident is. {@link #fuzzy} puts the incident child to
 * {@link FuzzyChildMatcher} with the candidates the directory view holds under its {@link BlockingKeys}: MATCHED and
 * REVIEW are routed (REVIEW flagged on the alert), UNRESOLVED goes to the working list with the reason.
 * {@link #confirmed} is a person's choice from that list: one child of the incident, no scoring.
 */
@FunctionalInterface
public interface ChildMatcher {

    /** The identifier schemes that identify a child for matching. */
    Set<IdentifierScheme> CHILD_SCHEMES = Set.of(IdentifierScheme.UPN, IdentifierScheme.NHS_NUMBER);

    Result match(int index, IncidentChild child, DirectoryView directory);

    sealed interface Result permits Matched, Unmatched, Skipped {
    }

    /** The directory child, and how it was found (goes on every alert as {@code match}). */
    record Matched(DirectoryView.Child child, ChildMatch match) implements Result {
    }

    /** Not found: the reason, in words without personal data, the best candidate's score (null if none). */
    record Unmatched(UnresolvedReason reason, String detail, Integer bestScore, List<String> reasons)
            implements Result {
    }

    /** Not this child's turn (routing one child of an incident after a person resolved it). */
    record Skipped() implements Result {
    }

    FuzzyChildMatcher DEFAULT_MATCHER = new FuzzyChildMatcher();

    static ChildMatcher fuzzy() {
        return fuzzy(DEFAULT_MATCHER);
    }

    static ChildMatcher fuzzy(FuzzyChildMatcher matcher) {
        return (index, child, directory) -> {
            ChildDetails details = details(child);
            Map<String, Candidate> candidates = new LinkedHashMap<>();
            for (BlockingKeys.Key key : BlockingKeys.forIncidentChild(details)) {
                for (String id : directory.childIdsByKey().getOrDefault(key.toString(), List.of())) {
                    ChildDetails d = directory.childDetails().get(id);
                    if (d != null) {
                        candidates.putIfAbsent(id, new Candidate(id, d));
                    }
                }
            }
            MatchDecision decision = matcher.decide(details, candidates.values());
            if (decision.used()) {
                DirectoryView.Child known = directory.children().get(decision.chosenId());
                if (known == null) {
                    return new Unmatched(UnresolvedReason.NO_MATCH, "directory entry " + decision.chosenId()
                            + " not found", decision.score(), decision.reasons());
                }
                return new Matched(known, ChildMatch.newBuilder()
                        .setOutcome(decision.outcome() == MatchDecision.Outcome.MATCHED
                                ? MatchOutcome.MATCHED : MatchOutcome.REVIEW)
                        .setScore(decision.score())
                        .setReasons(new ArrayList<>(decision.reasons()))
                        .build());
            }
            return switch (decision.why()) {
                case AMBIGUOUS -> new Unmatched(UnresolvedReason.AMBIGUOUS_MATCH,
                        "more than one directory child matches about equally well; a person must choose",
                        decision.score(), decision.reasons());
                case BELOW_THRESHOLD -> new Unmatched(UnresolvedReason.BELOW_MATCH_THRESHOLD,
                        "the best directory candidate scores " + decision.score() + ", below the review threshold "
                                + matcher.settings().reviewThreshold(), decision.score(), decision.reasons());
                default -> new Unmatched(UnresolvedReason.NO_MATCH,
                        "no directory child matches the identifiers or name and date of birth", null,
                        decision.reasons());
            };
        };
    }

    /**
     * Routes only child {@code index} of the incident, as the directory child a person confirmed (looked up in the
     * view the incident is routed with; a child missing from it is not matched).
     */
    static ChildMatcher confirmed(int index, String childId) {
        return (i, child, directory) -> {
            if (i != index) {
                return new Skipped();
            }
            DirectoryView.Child known = directory.children().get(childId);
            return known == null
                    ? new Unmatched(UnresolvedReason.NO_MATCH, "directory child " + childId + " not found", null, List.of())
                    : confirmed(index, known).match(i, child, directory);
        };
    }

    /** Routes only child {@code index} of the incident, as the directory child a person confirmed. */
    static ChildMatcher confirmed(int index, DirectoryView.Child known) {
        ChildMatch match = ChildMatch.newBuilder().setOutcome(MatchOutcome.CONFIRMED_BY_PERSON).setScore(100)
                .setReasons(new ArrayList<>(List.of("confirmed by a person"))).build();
        return (i, child, directory) -> i == index ? new Matched(known, match) : new Skipped();
    }

    /** What the incident says of the child, for matching. */
    static ChildDetails details(IncidentChild child) {
        String upn = null;
        String nhs = null;
        for (PersonIdentifier id : child.getIdentifiers()) {
            if (id.getScheme() == IdentifierScheme.UPN && upn == null) {
                upn = id.getValue();
            } else if (id.getScheme() == IdentifierScheme.NHS_NUMBER && nhs == null) {
                nhs = id.getValue();
            }
        }
        return new ChildDetails(child.getGivenName(), child.getFamilyName(), child.getDateOfBirth(),
                child.getPostcode(), upn, nhs);
    }
}
