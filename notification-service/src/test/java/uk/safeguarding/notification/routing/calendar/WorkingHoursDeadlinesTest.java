package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.notification.routing.calendar.Calendars.ENGLAND_AND_WALES;
import static uk.safeguarding.notification.routing.calendar.Calendars.london;
import static uk.safeguarding.notification.routing.calendar.Calendars.utc;

/** The working-hours rule (GP, health visiting, probation, local authority): 4 working hours, Mon-Fri 09:00-17:00. */
class WorkingHoursDeadlinesTest {

    private final CalendarDeadlines deadlines = Calendars.deadlines(Map.of());

    private Instant gp(Instant receivedAt) {
        return deadlines.dueBy(AgencyKind.GP, "GP-1", receivedAt);
    }

    @Test
    void anIncidentReceivedInTheMorningIsDueFourHoursLaterTheSameDay() {
        assertThat(gp(london("2026-11-24T10:00"))).isEqualTo(london("2026-11-24T14:00"));
    }

    @Test
    void anIncidentReceivedBeforeOfficeHoursCountsFromNineOClock() {
        assertThat(gp(london("2026-11-24T02:00"))).isEqualTo(london("2026-11-24T13:00"));
    }

    @Test
    void anIncidentReceivedLateInTheAfternoonCarriesTheRestOverToTheNextMorning() {
        assertThat(gp(london("2026-11-24T15:00"))).isEqualTo(london("2026-11-25T11:00"));
        assertThat(gp(london("2026-11-24T13:00"))).isEqualTo(london("2026-11-24T17:00"));
    }

    @Test
    void anIncidentReceivedAtClosingTimeIsDueFourHoursIntoTheNextWorkingDay() {
        assertThat(gp(london("2026-11-24T17:00"))).isEqualTo(london("2026-11-25T13:00"));
    }

    @Test
    void aFridayEveningIncidentIsDueOnMondayAtOne() {
        assertThat(gp(london("2026-11-20T23:15"))).isEqualTo(london("2026-11-23T13:00"));
    }

    @Test
    void aFridayAfternoonIncidentCarriesTheRestOverTheWeekendToMonday() {
        assertThat(gp(london("2026-11-20T15:00"))).isEqualTo(london("2026-11-23T11:00"));
    }

    @Test
    void aBankHolidayMondayIsNotAWorkingDay() {
        // early May bank holiday, Monday 4 May 2026
        assertThat(gp(london("2026-05-01T15:00"))).isEqualTo(london("2026-05-05T11:00"));
        assertThat(gp(london("2026-05-04T10:00"))).isEqualTo(london("2026-05-05T13:00"));
    }

    @Test
    void overChristmas2026TheSubstituteBoxingDayMondayIsNotAWorkingDay() {
        // Thursday 24 December 16:00: one hour; Friday 25 and Monday 28 (substitute) are bank holidays
        assertThat(gp(london("2026-12-24T16:00"))).isEqualTo(london("2026-12-29T12:00"));
    }

    @Test
    void overEaster2027GoodFridayAndEasterMondayAreNotWorkingDays() {
        assertThat(gp(london("2027-03-25T16:00"))).isEqualTo(london("2027-03-30T12:00"));
    }

    @Test
    void workingHoursAreWallClockHoursAcrossTheMarchClockChange() {
        // Friday 27 March 2026 15:00 GMT: two hours, then two more on Monday 30 March from 09:00 BST
        assertThat(gp(london("2026-03-27T15:00"))).isEqualTo(london("2026-03-30T11:00"))
                .isEqualTo(utc("2026-03-30T10:00"));
    }

    @Test
    void incidentsAtHalfPastMidnightAndHalfPastOneOnTheOctoberClockChangeSundayAreDueMondayAtOneGmt() {
        Instant due = utc("2026-10-26T13:00");
        assertThat(gp(london("2026-10-25T00:30"))).isEqualTo(due);
        assertThat(gp(utc("2026-10-25T00:30"))).as("01:30 BST").isEqualTo(due);
        assertThat(gp(utc("2026-10-25T01:30"))).as("01:30 GMT").isEqualTo(due);
        assertThat(gp(london("2026-03-29T00:30"))).as("March change day").isEqualTo(utc("2026-03-30T12:00"));
    }

    @Test
    void healthVisitingProbationAndTheLocalAuthorityFollowTheSameRuleAsTheGp() {
        Instant received = london("2026-11-20T23:15");
        for (AgencyKind kind : new AgencyKind[]{AgencyKind.HEALTH_VISITING, AgencyKind.PROBATION,
                AgencyKind.LOCAL_AUTHORITY, AgencyKind.UNKNOWN}) {
            assertThat(deadlines.dueBy(kind, "ORG-1", received)).as(kind.name()).isEqualTo(london("2026-11-23T13:00"));
        }
    }

    @Test
    void otherHoursAndAmountsAreSettings() {
        WorkingHours longDays = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
        // Friday 17:00: one hour on Friday, ten on Saturday and ten on Monday, to 18:00
        assertThat(longDays.after(london("2026-11-20T17:00"), Duration.ofHours(21), ENGLAND_AND_WALES))
                .isEqualTo(london("2026-11-23T18:00"));
        assertThat(WorkingHours.OFFICE.after(london("2026-11-20T23:15"), Duration.ZERO, ENGLAND_AND_WALES))
                .isEqualTo(london("2026-11-23T09:00"));
    }

    @Test
    void workingHoursMustEndAfterTheyStart() {
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(17, 0), LocalTime.of(9, 0), EnumSet.of(DayOfWeek.MONDAY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
