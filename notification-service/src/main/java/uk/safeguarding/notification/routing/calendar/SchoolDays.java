package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.routing.router.Deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Which days are school days for one school, and when the next one starts.
 *
 * <p>A school day is a weekday that is not a bank holiday, not one of the school's closure days, and in term. Term is
 * read from the school's own term dates; where they do not cover the date (a school year they have no term in, or
 * none given) from the area's default term dates; where neither covers it, every such weekday counts as a school day
 * (an early deadline rather than none).
 */
public final class SchoolDays {

    /** How far ahead to look for a school day (a summer holiday is about 6 weeks). */
    static final int HORIZON_DAYS = 400;

    private final SchoolCalendar calendar;
    private final SchoolCalendar areaDefault;
    private final BankHolidays bankHolidays;

    public SchoolDays(SchoolCalendar calendar, SchoolCalendar areaDefault, BankHolidays bankHolidays) {
        this.calendar = calendar;
        this.areaDefault = areaDefault;
        this.bankHolidays = bankHolidays;
    }

    public boolean isSchoolDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || bankHolidays.contains(date) || calendar.closedOn(date)) {
            return false;
        }
        return calendar.inTerm(date)
                .or(() -> areaDefault == null ? Optional.empty() : areaDefault.inTerm(date))
                .orElse(true);
    }

    /**
     * The start of the first school day that starts strictly after the instant: an incident received before the day
     * starts is due at that day's start, one received at the start or later at the next school day's start.
     */
    public Optional<Instant> nextDayStartAfter(Instant receivedAt) {
        LocalDate date = LocalDate.ofInstant(receivedAt, Deadlines.ZONE);
        for (int i = 0; i <= HORIZON_DAYS; i++, date = date.plusDays(1)) {
            if (isSchoolDay(date)) {
                Instant start = ZonedDateTime.of(date, calendar.dayStartsAt(), Deadlines.ZONE).toInstant();
                if (start.isAfter(receivedAt)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }
}
