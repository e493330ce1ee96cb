package uk.safeguarding.notification.routing.unresolved;

import uk.safeguarding.notification.routing.matching.Candidate;
import uk.safeguarding.notification.routing.matching.ChildDetails;
import uk.safeguarding.notification.routing.matching.FuzzyChildMatcher;
import uk.safeguarding.notification.routing.matching.MatchText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A caseworker's search of the directory for an unresolved child, in plain Java. The search box takes names, a date
 * of birth (2016-05-04 or 04/05/2016), a postcode and ids (directory id, UPN, NHS number) in any order
 * ({@link #parse}); what it names replaces that part of the police's record, and every candidate is ranked by
 * {@link FuzzyChildMatcher}'s score against the result ({@link #rank}), with the matcher's reasons.
 */
public final class CandidateSearch {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");
    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z]{1,2}\\d[A-Za-z\\d]?\\d[A-Za-z]{2}");
    private static final Pattern OUTWARD = Pattern.compile("[A-Za-z]{1,2}\\d[A-Za-z\\d]?");
    private static final Pattern INWARD = Pattern.compile("\\d[A-Za-z]{2}");

    private CandidateSearch() {
    }

    /** What the search box named: null parts were not named. */
    public record Query(String givenName, String familyName, LocalDate dateOfBirth, String postcode, List<String> ids) {

        public boolean isEmpty() {
            return givenName == null && familyName == null && dateOfBirth == null && postcode == null && ids.isEmpty();
        }

        /** The police's record with what the query names put in its place: what candidates are scored against. */
        public ChildDetails over(ChildDetails recorded) {
            return new ChildDetails(givenName != null ? givenName : recorded.givenName(),
                    familyName != null ? familyName : recorded.familyName(),
                    dateOfBirth != null ? dateOfBirth : recorded.dateOfBirth(),
                    postcode != null ? postcode : recorded.postcode(), null, null);
        }

        /**
         * What candidates are scored against, each candidate taking its best score: {@link #over}, and when the
         * query is a single name (parsed as a family name) also that name as the given name ("Alexandra").
         */
        public List<ChildDetails> probes(ChildDetails recorded) {
            ChildDetails asParsed = over(recorded);
            if (givenName != null || familyName == null || familyName.contains(" ")) {
                return List.of(asParsed);
            }
            ChildDetails asGiven = new ChildDetails(familyName, recorded.familyName(), asParsed.dateOfBirth(),
                    asParsed.postcode(), null, null);
            return List.of(asParsed, asGiven);
        }
    }

    /** One candidate as the working list shows it. */
    public record Ranked(Candidate candidate, int score, List<String> reasons) {
    }

    public static Query parse(String q) {
        if (q == null || q.isBlank()) {
            return new Query(null, null, null, null, List.of());
        }
        String[] tokens = q.strip().split("[\\s,;]+");
        List<String> words = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        LocalDate dob = null;
        String postcode = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            LocalDate date = date(t);
            if (date != null) {
                dob = date;
            } else if (POSTCODE.matcher(t).matches()) {
                postcode = t.toUpperCase();
            } else if (OUTWARD.matcher(t).matches() && i + 1 < tokens.length && INWARD.matcher(tokens[i + 1]).matches()) {
                postcode = (t + " " + tokens[++i]).toUpperCase();
            } else if (t.chars().anyMatch(Character::isDigit)) {
                ids.add(t);
            } else {
                words.add(t);
            }
        }
        String given = null;
        String family = null;
        if (words.size() == 1) {
            family = words.get(0);
        } else if (words.size() > 1) {
            given = words.get(0);
            family = String.join(" ", words.subList(1, words.size()));
        }
        return new Query(given, family, dob, postcode, List.copyOf(ids));
    }

    /**
     * Scores every candidate against {@code probe}; a candidate whose directory id or identifier was typed ranks
     * first (score 100). Highest first, at most {@code limit}.
     */
    public static List<Ranked> rank(ChildDetails probe, List<String> typedIds, List<Candidate> candidates,
                                    FuzzyChildMatcher matcher, int limit) {
        return rank(List.of(probe), typedIds, candidates, matcher, limit);
    }

    /** As {@link #rank(ChildDetails, List, List, FuzzyChildMatcher, int)}, each candidate with its best probe. */
    public static List<Ranked> rank(List<ChildDetails> probes, List<String> typedIds, List<Candidate> candidates,
                                    FuzzyChildMatcher matcher, int limit) {
        Set<String> ids = new java.util.HashSet<>();
        typedIds.forEach(i -> ids.add(MatchText.identifier(i)));
        List<Ranked> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            FuzzyChildMatcher.Scored s = null;
            for (ChildDetails probe : probes) {
                FuzzyChildMatcher.Scored t = matcher.score(probe, c);
                if (s == null || t.score() > s.score()) {
                    s = t;
                }
            }
            boolean typed = ids.contains(MatchText.identifier(c.id()))
                    || (!MatchText.identifier(c.details().upn()).isEmpty() && ids.contains(MatchText.identifier(c.details().upn())))
                    || (!MatchText.identifier(c.details().nhsNumber()).isEmpty()
                    && ids.contains(MatchText.identifier(c.details().nhsNumber())));
            if (typed) {
                List<String> reasons = new ArrayList<>();
                reasons.add("the id searched for");
                reasons.addAll(s.reasons());
                out.add(new Ranked(c, 100, reasons));
            } else {
                out.add(new Ranked(c, s.score(), s.reasons()));
            }
        }
        out.sort(Comparator.comparingInt(Ranked::score).reversed().thenComparing(r -> r.candidate().id()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static LocalDate date(String t) {
        try {
            if (ISO_DATE.matcher(t).matches()) {
                String[] p = t.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            var m = UK_DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
        } catch (java.time.DateTimeException invalid) {
            return null;
        }
        return null;
    }
}
