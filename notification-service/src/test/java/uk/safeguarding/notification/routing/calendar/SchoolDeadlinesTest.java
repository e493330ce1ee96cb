package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.notification.routing.calendar.Calendars.closure;
import static uk.safeguarding.notification.routing.calendar.Calendars.london;
import static uk.safeguarding.notification.routing.calendar.Calendars.ownTerms;
import static uk.safeguarding.notification.routing.calendar.Calendars.sampleWithClosures;
import static uk.safeguarding.notification.routing.calendar.Calendars.term;
import static uk.safeguarding.notification.routing.calendar.Calendars.utc;

/**
 * The school rule: due at the start of the next school day after the incident was received (Operation Encompass:
 * before the next school day). A school without its own calendar ("AREA") follows the sample term dates.
 */
class SchoolDeadlinesTest {

    private static final String AREA = "SCH-AREA";
    private static final String CLOSED_MONDAY = "SCH-CLOSED-MON";
    private static final String EASTER_TERM = "SCH-EASTER";
    private static final String SPRING_2026 = "SCH-SPRING-26";
    private static final String AUTUMN_2026 = "SCH-AUTUMN-26";
    private static final String OWN_2026_27 = "SCH-OWN-26-27";
    private static final String STARTS_0845 = "SCH-0845";

    private final CalendarDeadlines deadlines = Calendars.deadlines(Map.of(
            CLOSED_MONDAY, sampleWithClosures(closure("2026-11-23", "INSET day")),
            EASTER_TERM, ownTerms(LocalTime.of(8, 30), term("Spring 2027", "2027-01-04", "2027-04-16")),
            SPRING_2026, ownTerms(LocalTime.of(8, 30), term("Spring 2026", "2026-01-05", "2026-04-02")),
            AUTUMN_2026, ownTerms(LocalTime.of(8, 30), term("Autumn 2026", "2026-09-01", "2026-12-18")),
            OWN_2026_27, ownTerms(LocalTime.of(8, 30), term("Autumn 2026", "2026-09-07", "2026-12-18"),
                    term("Spring 2027", "2027-01-05", "2027-03-26")),
            STARTS_0845, ownTerms(LocalTime.of(8, 45), term("Autumn 2026", "2026-09-01", "2026-12-18"))));

    private Instant school(String schoolId, Instant receivedAt) {
        return deadlines.dueBy(AgencyKind.SCHOOL, schoolId, receivedAt);
    }

    @Test
    void anIncidentAtTwoInTheMorningOfASchoolDayIsDueAtHalfPastEightThatDay() {
        assertThat(school(AREA, london("2026-11-24T02:00"))).isEqualTo(london("2026-11-24T08:30"));
    }

    @Test
    void anIncidentAtEightTwentyNineIsDueAtHalfPastEightThatDay() {
        assertThat(school(AREA, london("2026-11-24T08:29"))).isEqualTo(london("2026-11-24T08:30"));
        assertThat(school(AREA, london("2026-11-24T08:29:59.999"))).isEqualTo(london("2026-11-24T08:30"));
    }

    @Test
    void anIncidentExactlyAtHalfPastEightIsDueAtTheStartOfTheNextSchoolDay() {
        assertThat(school(AREA, london("2026-11-24T08:30"))).isEqualTo(london("2026-11-25T08:30"));
    }

    @Test
    void anIncidentDuringTheSchoolDayIsDueAtTheStartOfTheNextSchoolDay() {
        assertThat(school(AREA, london("2026-11-24T13:00"))).isEqualTo(london("2026-11-25T08:30"));
    }

    @Test
    void aFridayNightIncidentIsDueOnMondayAtHalfPastEight() {
        assertThat(school(AREA, london("2026-11-20T23:15"))).isEqualTo(london("2026-11-23T08:30"));
    }

    @Test
    void aWeekendIncidentIsDueOnMondayAtHalfPastEight() {
        assertThat(school(AREA, london("2026-11-21T14:00"))).isEqualTo(london("2026-11-23T08:30"));
        assertThat(school(AREA, london("2026-11-22T23:59"))).isEqualTo(london("2026-11-23T08:30"));
    }

    @Test
    void aFridayNightIncidentBeforeABankHolidayMondayIsDueOnTuesday() {
        // early May bank holiday, Monday 4 May 2026, in the summer term
        assertThat(school(AREA, london("2026-05-01T21:00"))).isEqualTo(london("2026-05-05T08:30"));
    }

    @Test
    void anIncidentOnABankHolidayMondayIsDueOnTuesday() {
        assertThat(school(AREA, london("2026-05-04T10:00"))).isEqualTo(london("2026-05-05T08:30"));
    }

    @Test
    void aClosureDayRightAfterAWeekendMovesAFridayNightIncidentToTuesday() {
        assertThat(school(CLOSED_MONDAY, london("2026-11-20T23:15"))).isEqualTo(london("2026-11-24T08:30"));
        // the same incident for a school without the closure stays due on Monday
        assertThat(school(AREA, london("2026-11-20T23:15"))).isEqualTo(london("2026-11-23T08:30"));
    }

    @Test
    void anIncidentOnTheEveningOf23December2026IsDueOnTheFirstDayOfTheSpringTerm() {
        assertThat(school(AREA, london("2026-12-23T19:45"))).isEqualTo(london("2027-01-04T08:30"));
    }

    @Test
    void anIncidentOnChristmasDayIsDueOnTheFirstDayOfTheSpringTerm() {
        assertThat(school(AREA, london("2026-12-25T12:00"))).isEqualTo(london("2027-01-04T08:30"));
    }

    @Test
    void inATermRunningThroughEasterAThursdayEveningIncidentSkipsGoodFridayTheWeekendAndEasterMonday() {
        // Good Friday 26 March 2027, Easter Monday 29 March 2027
        assertThat(school(EASTER_TERM, london("2027-03-25T18:00"))).isEqualTo(london("2027-03-30T08:30"));
        assertThat(school(EASTER_TERM, london("2027-03-26T10:00"))).isEqualTo(london("2027-03-30T08:30"));
        assertThat(school(EASTER_TERM, london("2027-03-29T10:00"))).isEqualTo(london("2027-03-30T08:30"));
    }

    @Test
    void anIncidentAtTheEndOfTheSpringTermIsDueOnTheFirstDayOfTheSummerTermAfterEaster() {
        assertThat(school(AREA, london("2027-03-25T18:00"))).isEqualTo(london("2027-04-12T08:30"));
    }

    @Test
    void anIncidentInTheSummerHolidaysIsDueOnTheFirstDayOfTermEvenWhenTermStartsOnAWednesday() {
        // the autumn term 2026 starts on Wednesday 2 September; Monday 31 August is the summer bank holiday
        assertThat(school(AREA, london("2026-08-14T22:00"))).isEqualTo(london("2026-09-02T08:30"));
        assertThat(school(AREA, london("2026-08-31T10:00"))).isEqualTo(london("2026-09-02T08:30"));
        assertThat(school(AREA, london("2026-09-01T17:00"))).isEqualTo(london("2026-09-02T08:30"));
    }

    @Test
    void anIncidentInHalfTermIsDueOnTheFirstDayAfterIt() {
        // half term 26-30 October 2026; the clocks go back on the Sunday before
        assertThat(school(AREA, london("2026-10-23T20:00"))).isEqualTo(london("2026-11-02T08:30"));
        assertThat(school(AREA, london("2026-10-28T09:00"))).isEqualTo(london("2026-11-02T08:30"));
        assertThat(london("2026-11-02T08:30")).isEqualTo(utc("2026-11-02T08:30"));
    }

    @Test
    void onTheMarchClockChangeSundayIncidentsAtHalfPastMidnightAndAfterTheSkippedHourAreDueMondayAtHalfPastEightBst() {
        // Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 local does not exist; 01:30 UTC is 02:30 BST
        Instant mondayStart = utc("2026-03-30T07:30");
        assertThat(school(SPRING_2026, london("2026-03-29T00:30"))).isEqualTo(mondayStart);
        assertThat(school(SPRING_2026, utc("2026-03-29T01:30"))).isEqualTo(mondayStart);
        assertThat(mondayStart).isEqualTo(london("2026-03-30T08:30"));
    }

    @Test
    void onTheOctoberClockChangeSundayIncidentsAtHalfPastMidnightAndAtBothHalfPastOnesAreDueMondayAtHalfPastEightGmt() {
        // Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 local happens twice
        Instant mondayStart = utc("2026-10-26T08:30");
        assertThat(school(AUTUMN_2026, london("2026-10-25T00:30"))).isEqualTo(mondayStart);
        assertThat(school(AUTUMN_2026, utc("2026-10-25T00:30"))).as("01:30 BST").isEqualTo(mondayStart);
        assertThat(school(AUTUMN_2026, utc("2026-10-25T01:30"))).as("01:30 GMT").isEqualTo(mondayStart);
        assertThat(mondayStart).isEqualTo(london("2026-10-26T08:30"));
    }

    @Test
    void aSchoolWhoseDayStartsLaterIsDueAtItsOwnStart() {
        assertThat(school(STARTS_0845, london("2026-11-24T08:40"))).isEqualTo(london("2026-11-24T08:45"));
    }

    @Test
    void aSchoolsOwnTermDatesReplaceTheAreasInTheSchoolYearsTheyCover() {
        // its own autumn term starts on Monday 7 September, the area's on Wednesday 2 September
        assertThat(school(OWN_2026_27, london("2026-08-20T22:00"))).isEqualTo(london("2026-09-07T08:30"));
        // its spring term starts on Tuesday 5 January 2027, the area's on Monday 4 January
        assertThat(school(OWN_2026_27, london("2026-12-23T19:45"))).isEqualTo(london("2027-01-05T08:30"));
    }

    @Test
    void inASchoolYearItsOwnTermDatesDoNotCoverASchoolFollowsTheAreasTermDates() {
        // OWN_2026_27 gives no term for 2025-26: the area's half term (16-20 February 2026) applies
        assertThat(school(OWN_2026_27, london("2026-02-13T20:00"))).isEqualTo(london("2026-02-23T08:30"));
    }

    @Test
    void beyondEveryKnownTermDateEveryWeekdayThatIsNotABankHolidayCountsAsASchoolDay() {
        // the sample term dates end with 2026-27; Saturday 4 September 2027 is in a school year nobody covers
        assertThat(school(AREA, london("2027-09-04T12:00"))).isEqualTo(london("2027-09-06T08:30"));
    }
}
