package uk.safeguarding.notification.routing.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores directory candidates against the child an incident names and decides: {@code MATCHED}, {@code REVIEW}
 * (used, flagged) or {@code UNRESOLVED}. Plain Java, no state but the settings and the nickname data.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Identifiers (UPN, NHS number, normalised as the exact matcher does): exactly one candidate sharing an identifier
 * and no conflicting one is matched (score 100); sharing one and conflicting on the other is review; several
 * candidates sharing identifiers is unresolved. A conflicting identifier otherwise costs {@value #ID_CONFLICT}.</li>
 * <li>Otherwise a 0-100 score adding: given name (exact 35, known variant 28, shared part of a multi-part name 26,
 * within a typo 22, different -40); family name (exact 25, shared part of a double-barrelled name 20, within a typo
 * 18, same Soundex 12, different -10); date of birth (exact 30, day and month swapped 22, one digit different 4,
 * different -35, missing 0); postcode (same 12, same outward code 4, different or missing 0).</li>
 * <li>The given name must agree (any of its positive rules) for anything but unresolved: siblings and twins share
 * everything else.</li>
 * <li>When the best two candidates whose given names agree score within the ambiguity margin of each other, the
 * result is unresolved ("ambiguous"), never a pick.</li>
 * <li>A date of birth that agrees only with day and month swapped is at best review, however high the score: it is
 * as likely another child born on the swapped date as a police typo, so a person checks it. (Identifiers, rule 1,
 * still decide: a shared UPN or NHS number is the child whatever the date.)</li>
 * </ol>
 */
public final class FuzzyChildMatcher {

    static final int GIVEN_EXACT = 35;
    static final int GIVEN_VARIANT = 28;
    static final int GIVEN_PART = 26;
    static final int GIVEN_TYPO = 22;
    static final int GIVEN_DIFFERENT = -40;
    static final int FAMILY_EXACT = 25;
    static final int FAMILY_PART = 20;
    static final int FAMILY_TYPO = 18;
    static final int FAMILY_SOUNDEX = 12;
    static final int FAMILY_DIFFERENT = -10;
    static final int DOB_EXACT = 30;
    static final int DOB_SWAPPED = 22;
    static final int DOB_ONE_DIGIT = 4;
    static final int DOB_DIFFERENT = -35;
    static final int POSTCODE_EXACT = 12;
    static final int POSTCODE_OUTWARD = 4;
    static final int ID_CONFLICT = -30;

    private final MatchSettings settings;
    private final Nicknames nicknames;

    public FuzzyChildMatcher() {
        this(MatchSettings.DEFAULTS, Nicknames.defaults());
    }

    public FuzzyChildMatcher(MatchSettings settings, Nicknames nicknames) {
        this.settings = settings;
        this.nicknames = nicknames;
    }

    public MatchSettings settings() {
        return settings;
    }

    /** One candidate's score with the reasons, and whether its given name agrees. */
    public record Scored(Candidate candidate, int score, boolean givenNameAgrees, boolean identifierMatch,
                         boolean identifierConflict, boolean dateOfBirthSwapped, List<String> reasons) {
    }

    public MatchDecision decide(ChildDetails incident, Collection<Candidate> candidates) {
        // 1. identifiers decide: when any candidate shares one, the others are never looked at, so only those are
        // scored (in a large directory a child's blocks hold hundreds of candidates; scoring names is the cost)
        Collection<Candidate> toScore = candidates;
        if (!MatchText.identifier(incident.upn()).isEmpty() || !MatchText.identifier(incident.nhsNumber()).isEmpty()) {
            List<Candidate> sharing = candidates.stream().filter(c -> compareIdentifier(incident.upn(), c.details().upn()) > 0
                    || compareIdentifier(incident.nhsNumber(), c.details().nhsNumber()) > 0).toList();
            if (!sharing.isEmpty()) {
                toScore = sharing;
            }
        }
        List<Scored> scored = new ArrayList<>(toScore.size());
        for (Candidate c : toScore) {
            scored.add(score(incident, c, false));
        }

        List<Scored> byIdentifier = scored.stream().filter(Scored::identifierMatch).toList();
        if (byIdentifier.size() == 1) {
            Scored s = byIdentifier.get(0);
            List<String> reasons = new ArrayList<>(s.reasons());
            if (s.identifierConflict()) {
                reasons.add("identifiers disagree with each other: review");
                return new MatchDecision(MatchDecision.Outcome.REVIEW, s.candidate(), settings.reviewThreshold(), reasons);
            }
            return new MatchDecision(MatchDecision.Outcome.MATCHED, s.candidate(), 100, reasons);
        }
        if (byIdentifier.size() > 1) {
            return new MatchDecision(MatchDecision.Outcome.UNRESOLVED, null, 0, List.of(
                    "ambiguous: identifiers match " + byIdentifier.size() + " directory children ("
                            + ids(byIdentifier) + ")"), MatchDecision.Why.AMBIGUOUS);
        }

        // 2. scores, given name must agree
        List<Scored> agreeing = new ArrayList<>(scored.stream().filter(Scored::givenNameAgrees).toList());
        if (agreeing.isEmpty()) {
            return new MatchDecision(MatchDecision.Outcome.UNRESOLVED, null, 0, List.of(scored.isEmpty()
                    ? "no candidates" : "no candidate's given name agrees"), MatchDecision.Why.NO_CANDIDATE);
        }
        agreeing.sort(Comparator.comparingInt(Scored::score).reversed());
        Scored best = agreeing.get(0);
        List<String> reasons = new ArrayList<>(best.reasons());
        if (best.score() < settings.reviewThreshold()) {
            reasons.add("score " + best.score() + " below review threshold " + settings.reviewThreshold());
            return new MatchDecision(MatchDecision.Outcome.UNRESOLVED, null, best.score(), reasons,
                    MatchDecision.Why.BELOW_THRESHOLD);
        }
        if (agreeing.size() > 1) {
            Scored second = agreeing.get(1);
            if (best.score() - second.score() <= settings.ambiguityMargin()) {
                List<Scored> close = agreeing.stream()
                        .filter(s -> best.score() - s.score() <= settings.ambiguityMargin()).toList();
                return new MatchDecision(MatchDecision.Outcome.UNRESOLVED, null, best.score(), List.of(
                        "ambiguous: " + close.size() + " candidates score within " + settings.ambiguityMargin()
                                + " of " + best.score() + " (" + ids(close) + ")"), MatchDecision.Why.AMBIGUOUS);
            }
        }
        MatchDecision.Outcome outcome = best.score() >= settings.matchThreshold() && !best.dateOfBirthSwapped()
                ? MatchDecision.Outcome.MATCHED : MatchDecision.Outcome.REVIEW;
        if (best.score() < settings.matchThreshold()) {
            reasons.add("score " + best.score() + " below match threshold " + settings.matchThreshold() + ": review");
        } else if (best.dateOfBirthSwapped()) {
            reasons.add("date of birth agrees only with day and month swapped: review");
        }
        return new MatchDecision(outcome, best.candidate(), best.score(), reasons);
    }

    /** Scores one candidate; the score is clamped to 0-100. */
    public Scored score(ChildDetails incident, Candidate candidate) {
        return score(incident, candidate, true);
    }

    /** Without {@code full}, stops after the given name when it differs and no identifier matches (never chosen). */
    private Scored score(ChildDetails incident, Candidate candidate, boolean full) {
        ChildDetails dir = candidate.details();
        List<String> reasons = new ArrayList<>();
        int score = 0;

        boolean idMatch = false;
        boolean idConflict = false;
        int upn = compareIdentifier(incident.upn(), dir.upn());
        int nhs = compareIdentifier(incident.nhsNumber(), dir.nhsNumber());
        if (upn > 0) {
            idMatch = true;
            reasons.add("exact UPN");
        } else if (upn < 0) {
            idConflict = true;
            reasons.add("UPN differs");
        }
        if (nhs > 0) {
            idMatch = true;
            reasons.add("exact NHS number");
        } else if (nhs < 0) {
            idConflict = true;
            reasons.add("NHS number differs");
        }
        if (idConflict) {
            score += ID_CONFLICT;
        }

        int given = givenName(incident.givenName(), dir.givenName(), reasons);
        boolean givenAgrees = given > 0;
        score += given;
        if (!full && !givenAgrees && !idMatch) {
            return new Scored(candidate, Math.max(0, score), false, false, idConflict, false, List.copyOf(reasons));
        }
        score += familyName(incident.familyName(), dir.familyName(), reasons);
        int dob = dateOfBirth(incident.dateOfBirth(), dir.dateOfBirth(), reasons);
        score += dob;
        score += postcode(incident.postcode(), dir.postcode(), reasons);

        return new Scored(candidate, Math.max(0, Math.min(100, score)), givenAgrees, idMatch, idConflict,
                dob == DOB_SWAPPED, List.copyOf(reasons));
    }

    /** 1 when both present and equal, -1 when both present and different, 0 otherwise. */
    private static int compareIdentifier(String a, String b) {
        String x = MatchText.identifier(a);
        String y = MatchText.identifier(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        return x.equals(y) ? 1 : -1;
    }

    private int givenName(String incident, String directory, List<String> reasons) {
        String a = MatchText.name(incident);
        String b = MatchText.name(directory);
        if (a.isEmpty() || b.isEmpty()) {
            reasons.add("no given name to compare");
            return 0;
        }
        if (a.equals(b)) {
            reasons.add("given name matches");
            return GIVEN_EXACT;
        }
        Optional<String> formal = nicknames.sharedFormalName(a, b);
        if (formal.isPresent()) {
            reasons.add("given name is a known variant (short form) of the directory's");
            return GIVEN_VARIANT;
        }
        List<String> pa = MatchText.nameParts(incident);
        List<String> pb = MatchText.nameParts(directory);
        if (pa.size() > 1 || pb.size() > 1) {
            // "Mary Ann" vs "Mary": the first part of one is a part of the other
            for (String x : pa) {
                if (x.length() >= 3 && pb.contains(x) && (x.equals(pa.get(0)) || x.equals(pb.get(0)))) {
                    reasons.add("given name shares a part");
                    return GIVEN_PART;
                }
            }
        }
        if (MatchText.withinTypo(a, b)) {
            reasons.add("given name within a typo");
            return GIVEN_TYPO;
        }
        reasons.add("given name differs");
        return GIVEN_DIFFERENT;
    }

    private static int familyName(String incident, String directory, List<String> reasons) {
        String a = MatchText.name(incident);
        String b = MatchText.name(directory);
        if (a.isEmpty() || b.isEmpty()) {
            reasons.add("no family name to compare");
            return 0;
        }
        if (a.equals(b)) {
            reasons.add("family name matches");
            return FAMILY_EXACT;
        }
        List<String> pa = MatchText.nameParts(incident);
        List<String> pb = MatchText.nameParts(directory);
        if (pa.size() > 1 || pb.size() > 1) {
            for (String x : pa) {
                if (x.length() >= 3 && pb.contains(x)) {
                    reasons.add("family name shares a part (double-barrelled)");
                    return FAMILY_PART;
                }
            }
        }
        if (MatchText.withinTypo(a, b)) {
            reasons.add("family name within a typo");
            return FAMILY_TYPO;
        }
        if (MatchText.soundex(a).equals(MatchText.soundex(b))) {
            reasons.add("family name sounds alike (Soundex)");
            return FAMILY_SOUNDEX;
        }
        reasons.add("family name differs");
        return FAMILY_DIFFERENT;
    }

    private static int dateOfBirth(LocalDate incident, LocalDate directory, List<String> reasons) {
        if (incident == null || directory == null) {
            reasons.add("no date of birth to compare");
            return 0;
        }
        if (incident.equals(directory)) {
            reasons.add("date of birth matches");
            return DOB_EXACT;
        }
        if (directory.equals(MatchText.swapDayAndMonth(incident))) {
            reasons.add("date of birth with day and month swapped");
            return DOB_SWAPPED;
        }
        if (MatchText.oneDigitApart(incident, directory)) {
            reasons.add("date of birth one digit different");
            return DOB_ONE_DIGIT;
        }
        reasons.add("date of birth differs");
        return DOB_DIFFERENT;
    }

    private static int postcode(String incident, String directory, List<String> reasons) {
        String a = MatchText.postcode(incident);
        String b = MatchText.postcode(directory);
        if (a.isEmpty() || b.isEmpty()) {
            reasons.add("no postcode to compare");
            return 0;
        }
        if (a.equals(b)) {
            reasons.add("postcode matches");
            return POSTCODE_EXACT;
        }
        if (!MatchText.outwardCode(a).isEmpty() && MatchText.outwardCode(a).equals(MatchText.outwardCode(b))) {
            reasons.add("same postcode district (outward code)");
            return POSTCODE_OUTWARD;
        }
        reasons.add("postcode differs");
        return 0;
    }

    private static String ids(List<Scored> scored) {
        return String.join(", ", scored.stream().map(s -> s.candidate().id()).toList());
    }

}
