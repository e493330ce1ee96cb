package uk.safeguarding.notification.routing.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures {@link FuzzyChildMatcher} on a seeded synthetic directory and noisy reports, fetching candidates through
 * {@link BlockingKeys} from an in-memory {@link CandidateIndex}. "Used" decisions are MATCHED and REVIEW: precision is
 * right children over used decisions (a wrong used decision sends a child's details to the wrong school), recall is
 * right children over reports of children who are in the directory.
 *
 * <p>Run {@code main(directorySize, reports, seed)} or, in the test run, {@code MatcherEvaluationTest}.
 */
public final class MatcherEvaluation {

    /** Counts for one slice of reports. */
    public static final class Counts {
        public int reports;
        public int inDirectory;
        public int matchedRight;
        public int matchedWrong;
        public int reviewRight;
        public int reviewWrong;
        public int unresolvedInDirectory;
        public int unresolvedNotInDirectory;
        public int ambiguous;

        void add(SyntheticReports.Report report, MatchDecision d) {
            reports++;
            if (report.truthId() != null) {
                inDirectory++;
            }
            boolean right = report.truthId() != null && report.truthId().equals(d.chosenId());
            switch (d.outcome()) {
                case MATCHED -> {
                    if (right) {
                        matchedRight++;
                    } else {
                        matchedWrong++;
                    }
                }
                case REVIEW -> {
                    if (right) {
                        reviewRight++;
                    } else {
                        reviewWrong++;
                    }
                }
                case UNRESOLVED -> {
                    if (report.truthId() != null) {
                        unresolvedInDirectory++;
                    } else {
                        unresolvedNotInDirectory++;
                    }
                    if (!d.reasons().isEmpty() && d.reasons().get(0).startsWith("ambiguous")) {
                        ambiguous++;
                    }
                }
            }
        }

        public int used() {
            return matchedRight + matchedWrong + reviewRight + reviewWrong;
        }

        public int wrong() {
            return matchedWrong + reviewWrong;
        }

        /** Right over used; 1 when nothing was used. */
        public double precision() {
            return used() == 0 ? 1.0 : (matchedRight + reviewRight) / (double) used();
        }

        /** Precision of MATCHED alone. */
        public double matchedPrecision() {
            int m = matchedRight + matchedWrong;
            return m == 0 ? 1.0 : matchedRight / (double) m;
        }

        /** Right over reports of directory children; 1 when there are none. */
        public double recall() {
            return inDirectory == 0 ? 1.0 : (matchedRight + reviewRight) / (double) inDirectory;
        }

        public double reviewRate() {
            return reports == 0 ? 0 : (reviewRight + reviewWrong) / (double) reports;
        }
    }

    /** The whole run: totals, per noise kind, and timings. */
    public record Result(int directorySize, Counts total, Map<SyntheticReports.Noise, Counts> byNoise,
                         long generateMillis, long matchMillis, double meanCandidates) {

        public String report() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "Fuzzy child matching: %d directory children, %d reports%n",
                    directorySize, total.reports));
            s.append(String.format(Locale.ROOT,
                    "precision %.4f (matched only %.4f), recall %.4f, review rate %.4f, wrong %d, ambiguous %d%n",
                    total.precision(), total.matchedPrecision(), total.recall(), total.reviewRate(), total.wrong(),
                    total.ambiguous));
            s.append(String.format(Locale.ROOT,
                    "generate %d ms, match %d ms (%.1f us/report), mean candidates per report %.1f%n",
                    generateMillis, matchMillis, matchMillis * 1000.0 / Math.max(1, total.reports), meanCandidates));
            s.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %6s %6s %6s %6s %6s %7s %7s %7s%n", "noise",
                    "n", "M-ok", "M-bad", "R-ok", "R-bad", "U-in", "U-out", "ambig", "prec", "recall", "review"));
            for (Map.Entry<SyntheticReports.Noise, Counts> e : byNoise.entrySet()) {
                row(s, e.getKey().name(), e.getValue());
            }
            row(s, "TOTAL", total);
            return s.toString();
        }

        private static void row(StringBuilder s, String name, Counts c) {
            s.append(String.format(Locale.ROOT, "%-28s %6d %6d %6d %6d %6d %6d %6d %6d %7.4f %7.4f %7.4f%n", name,
                    c.reports, c.matchedRight, c.matchedWrong, c.reviewRight, c.reviewWrong,
                    c.unresolvedInDirectory, c.unresolvedNotInDirectory, c.ambiguous, c.precision(), c.recall(),
                    c.reviewRate()));
        }
    }

    private MatcherEvaluation() {
    }

    public static Result run(int directorySize, int reportCount, long seed, FuzzyChildMatcher matcher) {
        long t0 = System.nanoTime();
        SyntheticDirectory directory = SyntheticDirectory.generate(seed, directorySize);
        List<SyntheticReports.Report> reports = SyntheticReports.generate(directory, seed + 1, reportCount);
        long t1 = System.nanoTime();
        CandidateIndex index = new CandidateIndex(directory.children());
        Counts total = new Counts();
        Map<SyntheticReports.Noise, Counts> byNoise = new EnumMap<>(SyntheticReports.Noise.class);
        long candidates = 0;
        for (SyntheticReports.Report report : reports) {
            List<Candidate> found = index.candidatesFor(report.child());
            candidates += found.size();
            MatchDecision d = matcher.decide(report.child(), found);
            total.add(report, d);
            if (d.used() && !d.chosenId().equals(report.truthId()) && Boolean.getBoolean("matching.showWrong")) {
                System.out.println("WRONG " + report.noise() + " " + report.child() + " truth " + report.truthId()
                        + " -> " + d.outcome() + " " + d.chosen() + " " + d.score() + " " + d.reasons());
            }
            byNoise.computeIfAbsent(report.noise(), k -> new Counts()).add(report, d);
        }
        long t2 = System.nanoTime();
        return new Result(directory.children().size(), total, byNoise, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                candidates / (double) Math.max(1, reports.size()));
    }

    /** Arguments: directory size (default 10000), reports (default 20000), seed (default 20261122). */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261122L;
        System.out.print(run(size, reports, seed, new FuzzyChildMatcher()).report());
    }
}
