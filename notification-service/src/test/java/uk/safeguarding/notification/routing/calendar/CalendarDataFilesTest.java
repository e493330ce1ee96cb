package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.notification.routing.calendar.Calendars.ENGLAND_AND_WALES;
import static uk.safeguarding.notification.routing.calendar.Calendars.SAMPLE_TERMS;

/** The shipped data files: the bank holidays follow the statutory rules; the sample term dates are a school year. */
class CalendarDataFilesTest {

    @Test
    void theBankHolidayFileHoldsTheEightEnglandAndWalesHolidaysOf2024To2028WithSubstituteDays() {
        Map<LocalDate, String> expected = new TreeMap<>();
        for (int year = 2024; year <= 2028; year++) {
            LocalDate easter = easterSunday(year);
            LocalDate newYear = substitute(LocalDate.of(year, 1, 1), List.of());
            expected.put(newYear, "New Year’s Day");
            expected.put(easter.minusDays(2), "Good Friday");
            expected.put(easter.plusDays(1), "Easter Monday");
            expected.put(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                    "Early May bank holiday");
            expected.put(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                    "Spring bank holiday");
            expected.put(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                    "Summer bank holiday");
            LocalDate christmas = substitute(LocalDate.of(year, 12, 25), List.of());
            expected.put(christmas, "Christmas Day");
            expected.put(substitute(LocalDate.of(year, 12, 26), List.of(christmas)), "Boxing Day");
        }
        assertThat(ENGLAND_AND_WALES.byDate()).isEqualTo(expected);
    }

    @Test
    void in2026BoxingDayIsSubstitutedByMonday28DecemberAndIn2027BothChristmasDaysMove() {
        assertThat(ENGLAND_AND_WALES.contains(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(ENGLAND_AND_WALES.contains(LocalDate.of(2026, 12, 28))).isTrue();
        assertThat(ENGLAND_AND_WALES.contains(LocalDate.of(2027, 12, 27))).isTrue();
        assertThat(ENGLAND_AND_WALES.contains(LocalDate.of(2027, 12, 28))).isTrue();
        assertThat(ENGLAND_AND_WALES.contains(LocalDate.of(2028, 1, 3))).isTrue();
    }

    @Test
    void theSampleTermDatesAreTwoSchoolYearsOfSixHalfTermsEachStartingAndEndingOnWeekdays() {
        List<SchoolCalendar.Term> terms = SAMPLE_TERMS.terms();
        assertThat(terms).hasSize(12);
        assertThat(SAMPLE_TERMS.dayStartsAt()).hasToString("08:30");
        List<LocalDate> ends = new ArrayList<>();
        for (SchoolCalendar.Term t : terms) {
            assertThat(t.start().getDayOfWeek()).as(t.name()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(t.end().getDayOfWeek()).as(t.name()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(t.end()).isAfter(t.start());
            if (!ends.isEmpty()) {
                assertThat(t.start()).as(t.name()).isAfter(ends.get(ends.size() - 1));
            }
            ends.add(t.end());
        }
        assertThat(terms.get(0).start()).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(terms.get(11).end()).isEqualTo(LocalDate.of(2027, 7, 21));
    }

    /** A holiday falling at a weekend moves to the next weekday not already taken. */
    private static LocalDate substitute(LocalDate date, List<LocalDate> taken) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || taken.contains(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Easter Sunday (Gregorian, anonymous algorithm). */
    private static LocalDate easterSunday(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        return LocalDate.of(y, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
    }
}
