package uk.safeguarding.notification.shared.onboarding;

import uk.safeguarding.notification.shared.security.PersonRole;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of an invitation email: who the person is to the service, the link to choose their password and until
 * when it works. Never a password: the platform has none to send.
 */
public final class InvitationText {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** Subject and plain-text body. */
    public record Text(String subject, String body) {
    }

    private InvitationText() {
    }

    /** The link in the email: {@code <inboxBaseUrl>/invitation/<token>}. */
    public static String link(String inboxBaseUrl, String token) {
        String base = inboxBaseUrl.endsWith("/") ? inboxBaseUrl.substring(0, inboxBaseUrl.length() - 1) : inboxBaseUrl;
        return base + "/invitation/" + token;
    }

    public static Text invitation(String displayName, String organisationName, PersonRole role, String link,
                                  Instant expiresAt) {
        return new Text("Set up your account for safeguarding alerts",
                "Hello " + displayName + ",\n\n"
                        + "You have been added to the secure safeguarding alerts service as " + roleWords(role)
                        + " for " + organisationName + ". Police send the service alerts about children affected by"
                        + " domestic abuse, and you read them in its secure inbox.\n\n"
                        + "Choose your password to set up your account:\n" + link + "\n\n"
                        + "The link works once, until " + UNTIL.format(expiresAt) + " (UK time). If it has expired,"
                        + " ask the person who looks after your organisation's entry in the directory to send a new"
                        + " one.\n\n"
                        + "The service will never send you a password, and nobody from it will ask you for yours."
                        + " If you did not expect this email, you can ignore it: no account is used until its"
                        + " password is chosen.\n");
    }

    static String roleWords(PersonRole role) {
        return switch (role) {
            case KEY_ADULT -> "the key adult (designated safeguarding lead)";
            case DEPUTY -> "a deputy safeguarding lead";
            case LA_EDUCATION_SAFEGUARDING_LEAD -> "the education safeguarding lead";
            case UNRESOLVED_CASEWORKER -> "a caseworker for children not matched";
            case OPERATIONS -> "operations";
            case DIRECTORY_ADMIN -> "a directory administrator";
        };
    }
}
