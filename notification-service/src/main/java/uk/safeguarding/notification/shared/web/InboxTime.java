package uk.safeguarding.notification.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people in England read them: Europe/London local time, "Tuesday 24 November 2026 at 8:30am". */
public final class InboxTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private InboxTime() {
    }

    /** "Tuesday 24 November 2026 at 8:30am", or "" when absent. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = instant.atZone(LONDON);
        return DAY.format(t) + " at " + time(t);
    }

    /** "Tue 24 Nov 2026, 8:30am", for tables. */
    public static String shortDateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = instant.atZone(LONDON);
        return SHORT_DAY.format(t) + ", " + time(t);
    }

    /** "7 February 2018". */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(LONDON).toOffsetDateTime().toString();
    }

    private static String time(ZonedDateTime t) {
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String minutes = String.format("%02d", t.getMinute());
        String suffix = t.getHour() < 12 ? "am" : "pm";
        if (t.getHour() == 0 && t.getMinute() == 0) {
            return "midnight";
        }
        if (t.getHour() == 12 && t.getMinute() == 0) {
            return "midday";
        }
        return hour + ":" + minutes + suffix;
    }
}
