package uk.safeguarding.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A real mail server for the local run (GreenMail), so notification-service's email notices and invitations are really
 * sent and received on this machine instead of failing for want of a mail server. Nothing leaves the machine. It
 * takes mail over SMTP and serves every mailbox over IMAP (log in as the address an email went to, with any
 * password); {@link MailPage} lists what arrived in a browser.
 */
public final class LocalMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private LocalMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** SMTP on {@code smtpPort} and IMAP on {@code imapPort}, both on 127.0.0.1 only. */
    public static LocalMailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                // a local inbox for whoever an email went to: any password opens it
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new LocalMailServer(greenMail);
    }

    /** An email as received: to whom, the subject, the text and when it arrived. */
    public record Email(List<String> to, String subject, String body, Instant receivedAt) {
    }

    /** Every email received, in the order they arrived. */
    public List<Email> received() {
        List<Email> emails = new ArrayList<>();
        for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getAllMessages()) {
            Instant at = stored.getReceivedDate() == null ? null : stored.getReceivedDate().toInstant();
            MimeMessage message = stored.getMimeMessage();
            try {
                Address[] to = message.getAllRecipients();
                emails.add(new Email(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getSubject(), GreenMailUtil.getBody(message).trim(), at));
            } catch (MessagingException e) {
                emails.add(new Email(List.of(), "(unreadable: " + e.getClass().getSimpleName() + ")", "", at));
            }
        }
        emails.sort(Comparator.comparing(Email::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return emails;
    }

    /** What has arrived once no further email has come for {@code quiet}, waiting {@code atMost} in all. */
    public List<Email> receivedOnceQuiet(Duration quiet, Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        int count = greenMail.getReceivedMessages().length;
        while (System.nanoTime() < until && greenMail.waitForIncomingEmail(quiet.toMillis(), count + 1)) {
            count = greenMail.getReceivedMessages().length;
        }
        return received();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
