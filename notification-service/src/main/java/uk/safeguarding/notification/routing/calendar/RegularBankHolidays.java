package uk.safeguarding.notification.routing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * England and Wales' eight regular bank holidays of a year, by the rules that set them: New Year's Day, Good Friday,
 * Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, a
 * holiday on a weekend moved to the next weekday that is not already one. Used for years after the published data
 * ends; it cannot know one-off holidays (a coronation, a jubilee) or a holiday moved by proclamation.
 */
public final class RegularBankHolidays {

    private RegularBankHolidays() {
    }

    public static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        holidays.put(weekdayOnOrAfter(LocalDate.of(year, 1, 1)), "New Year’s Day");
        LocalDate easter = easterSunday(year);
        holidays.put(easter.minusDays(2), "Good Friday");
        holidays.put(easter.plusDays(1), "Easter Monday");
        LocalDate may = LocalDate.of(year, Month.MAY, 1);
        holidays.put(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), "Early May bank holiday");
        holidays.put(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Spring bank holiday");
        holidays.put(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Summer bank holiday");
        LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
        holidays.put(christmas, "Christmas Day");
        LocalDate boxing = weekdayOnOrAfter(LocalDate.of(year, 12, 26));
        holidays.put(boxing.equals(christmas) ? boxing.plusDays(1) : boxing, "Boxing Day");
        return holidays;
    }

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The Gregorian Easter Sunday (the anonymous, "Meeus/Jones/Butcher", algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
