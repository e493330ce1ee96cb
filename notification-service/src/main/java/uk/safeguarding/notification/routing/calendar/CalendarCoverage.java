package uk.safeguarding.notification.routing.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the calendar data reaches, and what operations are told as it runs out. Past the data, deadlines follow
 * fixed rules and are never missing: bank holidays by England and Wales' regular rules ({@link RegularBankHolidays}),
 * and, past the area's default term dates, every weekday that is not a bank holiday counts as a school day (a
 * deadline earlier than it should be, never later).
 *
 * @param bankHolidaysThrough the last day of the published bank holidays
 * @param termDatesThrough    the last day the area's default term dates cover (31 August of their last school year)
 */
public record CalendarCoverage(LocalDate bankHolidaysThrough, LocalDate termDatesThrough) {

    /** The calendar data that runs out. */
    public enum Data {
        BANK_HOLIDAYS("bank-holidays", "bank holidays", "deadlines assume England and Wales' regular bank holidays "
                + "(no one-off holiday); load GOV.UK's next bank-holidays.json (notification.calendar.bank-holiday-files)"),
        TERM_DATES("term-dates", "the area's default term dates", "every weekday that is not a bank holiday counts as a "
                + "school day for schools without their own calendar (deadlines earlier, never later); load the next "
                + "term dates (notification.calendar.default-term-dates)");

        private final String tag;
        private final String what;
        private final String after;

        Data(String tag, String what, String after) {
            this.tag = tag;
            this.what = what;
            this.after = after;
        }

        /** The metric tag value. */
        public String tag() {
            return tag;
        }
    }

    public static CalendarCoverage of(CalendarDefaults defaults) {
        return new CalendarCoverage(defaults.configuredBankHolidays().publishedThrough(),
                defaults.areaDefault().coveredThrough().orElse(LocalDate.MIN));
    }

    public LocalDate through(Data data) {
        return data == Data.BANK_HOLIDAYS ? bankHolidaysThrough : termDatesThrough;
    }

    /** Days from {@code today} to the last day of the data: 0 on that day, negative once past it. */
    public long daysLeft(Data data, LocalDate today) {
        LocalDate through = through(data);
        if (through.equals(LocalDate.MAX)) {
            return Long.MAX_VALUE;
        }
        if (through.equals(LocalDate.MIN)) {
            return Long.MIN_VALUE;
        }
        return ChronoUnit.DAYS.between(today, through);
    }

    /** One line per kind of data that ends within {@code warnBefore} of {@code today} (or has ended); none otherwise. */
    public List<String> warnings(LocalDate today, Period warnBefore) {
        List<String> warnings = new ArrayList<>();
        for (Data data : Data.values()) {
            LocalDate through = through(data);
            if (through.equals(LocalDate.MAX) || today.plus(warnBefore).isBefore(through)) {
                continue;
            }
            String when = through.equals(LocalDate.MIN) ? "are missing"
                    : today.isAfter(through) ? "ended on " + through : "end on " + through + ", in "
                    + daysLeft(data, today) + " days";
            warnings.add("Calendar data: " + data.what + " " + when + ". After that " + data.after + ".");
        }
        return warnings;
    }
}
