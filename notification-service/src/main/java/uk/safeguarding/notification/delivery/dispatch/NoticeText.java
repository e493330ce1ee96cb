package uk.safeguarding.notification.delivery.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The words of an email notice. A notice says only that a safeguarding notification is waiting and where to read it:
 * it never carries a child's name, a date of birth, incident detail or a police reference, because email is not a
 * secure channel. Built from the organisation's name, the alert id (in the link) and the deadline only.
 */
public final class NoticeText {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** Subject and plain-text body. */
    public record Text(String subject, String body) {
    }

    private NoticeText() {
    }

    /** The link to the alert in the inbox: {@code <inboxBaseUrl>/alerts/<alertId>}. */
    public static String link(String inboxBaseUrl, UUID alertId) {
        String base = inboxBaseUrl.endsWith("/") ? inboxBaseUrl.substring(0, inboxBaseUrl.length() - 1) : inboxBaseUrl;
        return base + "/alerts/" + alertId;
    }

    public static Text newAlert(String organisationName, String link) {
        return new Text("New safeguarding notification for " + organisationName,
                "A new safeguarding notification for " + organisationName + " is waiting in the secure inbox.\n\n"
                        + "Read it here: " + link + "\n\n"
                        + "Sign in to see the notification. For the child's safety this email carries no details:"
                        + " please do not reply to it or forward it.\n");
    }

    public static Text escalation(String organisationName, String link, Instant dueBy) {
        String due = dueBy == null ? "" : " It is due to be read by " + DUE.format(dueBy) + " (UK time).";
        return new Text("Safeguarding notification not yet opened for " + organisationName,
                "A safeguarding notification for " + organisationName + " has not been opened yet." + due + "\n\n"
                        + "You are receiving this as a deputy. Please read it now: " + link + "\n\n"
                        + "Sign in to see the notification. For the child's safety this email carries no details:"
                        + " please do not reply to it or forward it.\n");
    }

    /** Probation has not answered, in time, whether the children's safeguarding needs were considered. */
    public static Text answerOverdue(String organisationName, String link) {
        return new Text("Safeguarding notification not yet answered for " + organisationName,
                "A safeguarding notification for " + organisationName + " asks whether the children's safeguarding"
                        + " needs were considered and what was done. It has not been answered in time.\n\n"
                        + "You are receiving this as a deputy. Please answer it now: " + link + "\n\n"
                        + "Sign in to see the notification. For the children's safety this email carries no details:"
                        + " please do not reply to it or forward it.\n");
    }
}
