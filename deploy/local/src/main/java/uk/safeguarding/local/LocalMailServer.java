package uk.safeguarding.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the local run (GreenMail), so notification-service's email notices are really sent and
 * received on this machine instead of failing for want of a mail server. Nothing leaves the machine.
 */
public final class LocalMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private LocalMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static LocalMailServer start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new LocalMailServer(greenMail);
    }

    /** An email as received: to whom, the subject and the text. */
    public record Email(List<String> to, String subject, String body) {
    }

    public List<Email> received() {
        List<Email> emails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                emails.add(new Email(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getSubject(), GreenMailUtil.getBody(message).trim()));
            } catch (MessagingException e) {
                emails.add(new Email(List.of(), "(unreadable: " + e.getClass().getSimpleName() + ")", ""));
            }
        }
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
