package uk.safeguarding.testkit;

import uk.safeguarding.platform.time.PlatformClock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * "Now" for test data: the same clock the services under test read ({@link PlatformClock}, moved by
 * {@code -Dplatform.clock.offset}), so data built from it is as old or as new on any day the suite runs, and on a
 * moved clock. Tests never write a calendar date that must stay in the future or the past.
 */
public final class TestClock {

    private static final Clock CLOCK = PlatformClock.fromSystemSettings();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private TestClock() {
    }

    public static Clock clock() {
        return CLOCK;
    }

    /** Now, to the millisecond (as the database keeps it). */
    public static Instant now() {
        return CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today in England and Wales. */
    public static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), LONDON);
    }

    /**
     * Someone {@code years} old since before yesterday (so also at an incident a few hours ago) whose birthday is this
     * month and day. Tests name children by age, never by a year, so they pass in any year the suite runs.
     */
    public static LocalDate bornYearsAgo(int years, int month, int day) {
        LocalDate anniversary = today().minusDays(1).minusYears(years);
        LocalDate birth = MonthDay.of(month, day).atYear(anniversary.getYear());
        return birth.isAfter(anniversary) ? MonthDay.of(month, day).atYear(anniversary.getYear() - 1) : birth;
    }
}
