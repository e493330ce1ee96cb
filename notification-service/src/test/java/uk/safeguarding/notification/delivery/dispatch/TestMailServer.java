package uk.safeguarding.notification.delivery.dispatch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One GreenMail SMTP server per test JVM on a free port, and the mail sender of every notification-service test
 * context pointed at it. A plain {@code @Configuration} in the test sources, so component scanning picks it up in the
 * module's one shared integration context without changing that context's configuration (and so its cache key): the
 * SMTP port is only known once GreenMail has started, which is why this is a bean, not {@code spring.mail.port}.
 */
@Configuration(proxyBeanMethods = false)
public class TestMailServer {

    private static volatile GreenMail greenMail;

    public static synchronized GreenMail get() {
        if (greenMail == null) {
            GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
            greenMail = server;
        }
        return greenMail;
    }

    /** Every message received so far that is addressed to {@code email}. */
    public static List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> addressedTo(m, email)).toList();
    }

    /** The decoded plain-text body of a message. */
    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            return false;
        }
    }

    @Bean
    JavaMailSender javaMailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(get().getSmtp().getPort());
        return sender;
    }
}
