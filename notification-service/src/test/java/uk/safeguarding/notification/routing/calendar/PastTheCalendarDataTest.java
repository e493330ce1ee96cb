package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.notification.routing.calendar.Calendars.london;

/**
 * What deadlines do after the shipped calendar data ends (bank holidays published to the end of 2028, sample term
 * dates to August 2027), and what operations are told before it does.
 */
class PastTheCalendarDataTest {

    private final CalendarDeadlines deadlines = Calendars.deadlines(Map.of());
    private final CalendarCoverage coverage = new CalendarCoverage(
            Calendars.ENGLAND_AND_WALES.publishedThrough(), Calendars.SAMPLE_TERMS.coveredThrough().orElseThrow());

    @Test
    void theRegularRulesGiveEveryPublishedBankHolidayOfEveryPublishedYear() {
        Map<LocalDate, String> published = Calendars.ENGLAND_AND_WALES.byDate();
        Set<Integer> years = new TreeSet<>();
        published.keySet().forEach(d -> years.add(d.getYear()));
        assertThat(years).hasSizeGreaterThanOrEqualTo(5);
        for (int year : years) {
            assertThat(RegularBankHolidays.of(year).keySet()).as("bank holidays of %d", year)
                    .containsExactlyElementsOf(published.keySet().stream().filter(d -> d.getYear() == year).toList());
        }
    }

    @Test
    void easterFollowsTheGregorianTables() {
        assertThat(RegularBankHolidays.easterSunday(2029)).isEqualTo(LocalDate.of(2029, 4, 1));
        assertThat(RegularBankHolidays.easterSunday(2035)).isEqualTo(LocalDate.of(2035, 3, 25));
        assertThat(RegularBankHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(RegularBankHolidays.easterSunday(2049)).isEqualTo(LocalDate.of(2049, 4, 18));
    }

    @Test
    void weekendChristmasesMoveToTheNextWeekdaysNotAlreadyHolidays() {
        // 2032: Christmas on a Saturday; 2033: on a Sunday; 2037: on a Friday, so Boxing Day is a Saturday
        assertThat(RegularBankHolidays.of(2032)).containsKeys(LocalDate.of(2032, 12, 27), LocalDate.of(2032, 12, 28));
        assertThat(RegularBankHolidays.of(2033)).containsKeys(LocalDate.of(2033, 12, 26), LocalDate.of(2033, 12, 27));
        assertThat(RegularBankHolidays.of(2037)).containsKeys(LocalDate.of(2037, 12, 25), LocalDate.of(2037, 12, 28));
        IntStream.rangeClosed(2029, 2060).forEach(year -> assertThat(RegularBankHolidays.of(year)).hasSize(8)
                .allSatisfy((date, name) -> assertThat(date.getDayOfWeek().getValue()).isLessThanOrEqualTo(5)));
    }

    @Test
    void aSchoolIncidentOnMaundyThursdayAfterTheDataEndsIsDueOnTheTuesdayAfterEaster() {
        // given 2031, past both the bank holidays and the term dates: Good Friday 11 April, Easter Monday 14 April
        // when an incident is received on the Thursday evening
        // then the school (every weekday a school day past its term dates) must read it on Tuesday morning
        assertThat(deadlines.dueBy(AgencyKind.SCHOOL, "ANY-SCHOOL", london("2031-04-10T21:00")))
                .isEqualTo(london("2031-04-15T08:30"));
    }

    @Test
    void workingHoursAfterTheDataEndSkipChristmasAndBoxingDay() {
        // given Christmas 2030 on a Wednesday: when a GP alert is received on Christmas Eve at 16:00
        // then its 4 working hours are one on the 24th and three on Friday the 27th
        assertThat(deadlines.dueBy(AgencyKind.GP, "ANY-GP", london("2030-12-24T16:00")))
                .isEqualTo(london("2030-12-27T12:00"));
    }

    @Test
    void theAreasOwnHolidaysStillCountAfterThePublishedData() {
        BankHolidays withOneOff = Calendars.ENGLAND_AND_WALES.plus(Map.of(LocalDate.of(2030, 6, 3), "Area holiday"));
        assertThat(withOneOff.contains(LocalDate.of(2030, 6, 3))).isTrue();
        assertThat(withOneOff.contains(LocalDate.of(2030, 5, 27))).isTrue(); // spring bank holiday, by the rules
        assertThat(withOneOff.contains(LocalDate.of(2030, 5, 28))).isFalse();
    }

    @Test
    void operationsAreWarnedSixMonthsBeforeTheDataEndsAndEveryDayAfter() {
        Period sixMonths = Period.ofDays(180);
        // term dates end 31 August 2027, bank holidays 31 December 2028
        assertThat(coverage.warnings(LocalDate.of(2027, 3, 3), sixMonths)).isEmpty();
        assertThat(coverage.warnings(LocalDate.of(2027, 3, 4), sixMonths)).singleElement().asString()
                .contains("default term dates end on 2027-08-31, in 180 days")
                .contains("every weekday that is not a bank holiday counts as a school day");
        assertThat(coverage.warnings(LocalDate.of(2028, 7, 4), sixMonths)).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("bank holidays end on 2028-12-31, in 180 days"))
                .anySatisfy(w -> assertThat(w).contains("default term dates ended on 2027-08-31"));
        assertThat(coverage.warnings(LocalDate.of(2029, 1, 1), sixMonths)).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("bank holidays ended on 2028-12-31")
                        .contains("regular bank holidays"));
    }

    @Test
    void theDaysLeftCountDownToZeroOnTheLastDayAndBelowAfter() {
        assertThat(coverage.daysLeft(CalendarCoverage.Data.BANK_HOLIDAYS, LocalDate.of(2028, 12, 1))).isEqualTo(30);
        assertThat(coverage.daysLeft(CalendarCoverage.Data.BANK_HOLIDAYS, LocalDate.of(2028, 12, 31))).isZero();
        assertThat(coverage.daysLeft(CalendarCoverage.Data.TERM_DATES, LocalDate.of(2027, 9, 30))).isEqualTo(-30);
    }
}
