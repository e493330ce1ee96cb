package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.router.ProbationQuestion;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.notification.routing.calendar.Calendars.london;

/**
 * Probation's answer is due at the close of the fifth working day after the day the alert was routed: Monday to
 * Friday, never an England and Wales bank holiday, 17:00 London time; the day of routing never counts.
 */
class ProbationAnswerDeadlineTest {

    private final CalendarDeadlines calendar = Calendars.deadlines(Map.of());

    private Instant respondBy(Instant routedAt) {
        return ProbationQuestion.respondBy(routedAt, ProbationQuestion.DEFAULT_ANSWER_WITHIN_WORKING_DAYS, calendar);
    }

    @Test
    void routedOnAMondayMorningItIsDueAtTheCloseOfTheNextMonday() {
        assertThat(respondBy(london("2026-11-23T10:00"))).isEqualTo(london("2026-11-30T17:00"));
    }

    @Test
    void routedLateOnAFridayTheWeekendDoesNotCount() {
        // given an alert routed on Friday 20 November at 16:59, the weekend of the 21st and 22nd between
        // then Monday to Friday of the next week are the five days
        assertThat(respondBy(london("2026-11-20T16:59"))).isEqualTo(london("2026-11-27T17:00"));
    }

    @Test
    void routedOnASaturdayTheCountStartsOnMonday() {
        assertThat(respondBy(london("2026-11-21T08:00"))).isEqualTo(london("2026-11-27T17:00"));
    }

    @Test
    void christmasDayAndTheSubstituteBoxingDayAreNotWorkingDays() {
        // given an alert routed on Monday 21 December 2026: Christmas Day is a Friday, Boxing Day's holiday Monday 28th
        // then Tue 22, Wed 23, Thu 24, Tue 29, Wed 30
        assertThat(respondBy(london("2026-12-21T11:00"))).isEqualTo(london("2026-12-30T17:00"));
    }

    @Test
    void easterIsSkippedAndTheCloseIsInLondonTimeAfterTheClocksGoForward() {
        // given an alert routed on Wednesday 24 March 2027: Good Friday the 26th, Easter Monday the 29th, BST from the 28th
        Instant due = respondBy(london("2027-03-24T09:30"));
        // then Thu 25, Tue 30, Wed 31, Thu 1 and Fri 2 April, at 17:00 BST (16:00 UTC)
        assertThat(due).isEqualTo(london("2027-04-02T17:00")).isEqualTo(Instant.parse("2027-04-02T16:00:00Z"));
    }

    @Test
    void theDayOfRoutingIsTheLondonDayNotTheUtcDay() {
        // given an alert routed at 23:30 UTC on Monday 7 June 2027, which is 00:30 on Tuesday in London
        // then Tuesday is the day of routing and does not count: Wed 9 to Tue 15
        assertThat(respondBy(Instant.parse("2027-06-07T23:30:00Z"))).isEqualTo(london("2027-06-15T17:00"));
    }

    @Test
    void withoutACalendarWeekdaysCount() {
        // given no calendar (tests of routing alone): Monday to Friday, 17:00
        assertThat(ProbationQuestion.respondBy(london("2026-12-21T11:00"), 5, Deadlines.none()))
                .isEqualTo(london("2026-12-28T17:00"));
    }

    @Test
    void fewerThanOneWorkingDayIsRefused() {
        assertThatThrownBy(() -> ProbationQuestion.respondBy(london("2026-11-23T10:00"), 0, calendar))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
