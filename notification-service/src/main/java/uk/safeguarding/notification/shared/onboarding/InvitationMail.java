package uk.safeguarding.notification.shared.onboarding;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends one invitation email through the service's SMTP server ({@code spring.mail.*}), as the email notices are. */
@Component
public class InvitationMail {

    /** Whether the mail server took the email; why not in words, never the address. */
    public record Outcome(boolean sent, String detail) {
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String inboxBaseUrl;

    public InvitationMail(ObjectProvider<JavaMailSender> mail,
                          @Value("${notification.mail.from:safeguarding-notifications@localhost}") String from,
                          @Value("${notification.inbox.base-url:http://localhost:8082/inbox}") String inboxBaseUrl) {
        this.mail = mail;
        this.from = from;
        this.inboxBaseUrl = inboxBaseUrl;
    }

    public String link(String token) {
        return InvitationText.link(inboxBaseUrl, token);
    }

    public Outcome send(String to, InvitationText.Text text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Outcome(false, "no mail server configured");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(text.subject());
        message.setText(text.body());
        try {
            sender.send(message);
            return new Outcome(true, "accepted by the mail server");
        } catch (MailException e) {
            // the exception's class only: its message may carry the address
            return new Outcome(false, "not accepted by the mail server: " + e.getClass().getSimpleName());
        }
    }
}
