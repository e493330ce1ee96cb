package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.routing.router.Deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Office hours: the same hours on each working day (by default Monday to Friday, 09:00 to 17:00 London time),
 * never on a bank holiday. Hours are counted on the wall clock, so a working day is 8 hours on either side of a
 * clock change.
 */
public record WorkingHours(LocalTime startsAt, LocalTime endsAt, Set<DayOfWeek> days) {

    public static final WorkingHours OFFICE = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    static final int HORIZON_DAYS = 400;

    public WorkingHours {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("working hours must end after they start: " + startsAt + "-" + endsAt);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("working hours need at least one working day");
        }
        days = Set.copyOf(days);
    }

    public boolean isWorkingDay(LocalDate date, BankHolidays bankHolidays) {
        return days.contains(date.getDayOfWeek()) && !bankHolidays.contains(date);
    }

    /**
     * The instant at which the given amount of working time has passed since {@code receivedAt}: received outside
     * working hours, the count starts when they next begin. A positive amount ending exactly at the close of a day
     * is due at that close.
     */
    public Instant after(Instant receivedAt, Duration amount, BankHolidays bankHolidays) {
        Duration remaining = amount;
        LocalDate date = LocalDate.ofInstant(receivedAt, Deadlines.ZONE);
        for (int i = 0; i <= HORIZON_DAYS; i++, date = date.plusDays(1)) {
            if (!isWorkingDay(date, bankHolidays)) {
                continue;
            }
            Instant opens = ZonedDateTime.of(date, startsAt, Deadlines.ZONE).toInstant();
            Instant closes = ZonedDateTime.of(date, endsAt, Deadlines.ZONE).toInstant();
            Instant from = receivedAt.isAfter(opens) ? receivedAt : opens;
            if (!from.isBefore(closes)) {
                continue;
            }
            if (remaining.isZero()) {
                return from;
            }
            Duration available = Duration.between(from, closes);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no working hours within " + HORIZON_DAYS + " days of " + receivedAt);
    }
}
