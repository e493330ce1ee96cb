package uk.safeguarding.notification.routing.matching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the synthetic evaluation (10,000 children, 5,000 reports by default) and holds the matcher to its precision
 * and a measured recall floor. Bigger runs: {@code -Dmatching.reports=20000}, {@code -Dmatching.children=N},
 * {@code -Dmatching.seed=N}; {@code -Dmatching.showWrong=true} prints every wrong decision. The report is in
 * {@code target/surefire-reports/uk.safeguarding.notification.routing.matching.MatcherEvaluationTest-output.txt}.
 *
 * <p>Measured with the defaults (seed 20261122): precision 1.0000, recall 0.9594, review rate 0.2830 (0.2564 before a swapped day and month became review); with 20,000
 * reports over three seeds (20261122, 7, 99) precision 0.9998-0.9999 (1-3 wrong, all same name and date of birth
 * coincidences of the deliberately concentrated synthetic names), recall 0.9626-0.9637. The floor leaves room for
 * changes to the generator; lowering it needs a reason.
 */
class MatcherEvaluationTest {

    private static final double PRECISION_FLOOR = 0.99;
    private static final double RECALL_FLOOR = 0.94;
    private static final double REVIEW_RATE_CEILING = 0.30;

    @Test
    void wrongMatchesStayBelowOnePercentAndRecallStaysAboveTheMeasuredFloor() {
        int children = Integer.getInteger("matching.children", 10_000);
        int reports = Integer.getInteger("matching.reports", 5_000);
        long seed = Long.getLong("matching.seed", 20261122L);
        MatcherEvaluation.Result result = MatcherEvaluation.run(children, reports, seed, new FuzzyChildMatcher());
        System.out.print(result.report());

        assertTrue(result.total().precision() >= PRECISION_FLOOR, "precision " + result.total().precision());
        assertTrue(result.total().recall() >= RECALL_FLOOR, "recall " + result.total().recall());
        assertTrue(result.total().reviewRate() <= REVIEW_RATE_CEILING, "review rate " + result.total().reviewRate());
    }

    @Test
    void childrenWhoAreNotInTheDirectoryAreAlmostNeverGivenSomeoneElsesSchool() {
        MatcherEvaluation.Result result = MatcherEvaluation.run(10_000, 5_000, 20261122L, new FuzzyChildMatcher());
        MatcherEvaluation.Counts siblings = result.byNoise().get(SyntheticReports.Noise.NOT_IN_DIRECTORY_SIBLING);
        MatcherEvaluation.Counts strangers = result.byNoise().get(SyntheticReports.Noise.NOT_IN_DIRECTORY_NEW_FAMILY);
        assertEquals(0, siblings.used(), "siblings and twins not in the directory matched to a sibling");
        assertTrue(strangers.used() <= strangers.reports / 100, "strangers matched: " + strangers.used());
    }

    @Test
    void theEvaluationIsDeterministicForASeed() {
        MatcherEvaluation.Result a = MatcherEvaluation.run(2_000, 500, 42L, new FuzzyChildMatcher());
        MatcherEvaluation.Result b = MatcherEvaluation.run(2_000, 500, 42L, new FuzzyChildMatcher());
        assertEquals(a.directorySize(), b.directorySize());
        assertEquals(a.total().matchedRight, b.total().matchedRight);
        assertEquals(a.total().reviewRight, b.total().reviewRight);
        assertEquals(a.total().unresolvedInDirectory, b.total().unresolvedInDirectory);
        assertEquals(a.total().wrong(), b.total().wrong());
    }
}
