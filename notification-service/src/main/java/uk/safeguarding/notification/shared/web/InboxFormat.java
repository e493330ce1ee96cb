package uk.safeguarding.notification.shared.web;

import uk.safeguarding.notification.shared.web.InboxTime;

import java.time.Instant;
import java.time.LocalDate;

/** The page templates' view of {@link InboxTime} (templates call instance methods, not static ones). */
public final class InboxFormat {

    public static final InboxFormat INSTANCE = new InboxFormat();

    public String dateTime(Instant instant) {
        return InboxTime.dateTime(instant);
    }

    public String shortDateTime(Instant instant) {
        return InboxTime.shortDateTime(instant);
    }

    public String date(LocalDate date) {
        return InboxTime.date(date);
    }

    public String iso(Instant instant) {
        return InboxTime.iso(instant);
    }

    public String isoDate(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
