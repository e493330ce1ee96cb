package uk.safeguarding.faults;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check the fault tests end with finds a duplicate, a loss and a stranger: it can fail. */
class ExactlyOnceCheckTest {

    private static final Households.AlertKey SCHOOL = new Households.AlertKey("incident-1", 1, "CH-1", "SCH-1");
    private static final Households.AlertKey GP = new Households.AlertKey("incident-1", 1, "CH-1", "GP-1");
    private static final Households.AlertKey REVISION_2 = new Households.AlertKey("incident-1", 2, "CH-1", "GP-1");

    @Test
    void eachExpectedAlertSeenOnceIsExactlyOnce() {
        // given two expected alerts, when each is seen once, then nothing is wrong
        assertThat(ExactlyOnce.problems("topics", List.of(SCHOOL, GP), List.of(GP, SCHOOL), k -> k)).isEmpty();
    }

    @Test
    void anAlertSeenTwiceIsReportedWithBothCopies() {
        // given two expected alerts, when one of them is seen twice
        List<String> problems = ExactlyOnce.problems("topics", List.of(SCHOOL, GP), List.of(SCHOOL, GP, GP), k -> k);

        // then the duplicate is named, with how many times it was seen
        assertThat(problems).containsExactly("topics: 2 times: " + GP + " [" + GP + ", " + GP + "]");
    }

    @Test
    void anAlertNeverSeenIsReportedMissing() {
        // given two expected alerts, when only one is seen
        List<String> problems = ExactlyOnce.problems("ledger", List.of(SCHOOL, GP), List.of(SCHOOL), k -> k);

        // then the other is missing
        assertThat(problems).containsExactly("ledger: 1 missing, e.g. " + GP);
    }

    @Test
    void anAlertNobodyExpectedIsReported() {
        // given one expected alert, when another revision's alert is seen as well
        List<String> problems = ExactlyOnce.problems("topics", List.of(GP), List.of(GP, REVISION_2), k -> k);

        // then the stranger is named
        assertThat(problems).containsExactly("topics: not expected: " + REVISION_2 + " [" + REVISION_2 + "]");
    }
}
