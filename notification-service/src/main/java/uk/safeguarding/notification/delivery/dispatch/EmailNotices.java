package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.shared.security.PersonEntity;
import uk.safeguarding.notification.shared.security.PersonRepository;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends pending email notices ({@code email_notice}): a new alert to the organisation's key adults, an escalation to
 * its deputies. Each notice is sent in its own short transaction that holds the notice's row
 * ({@code for update skip locked}), so several instances never send the same notice. A new-alert notice records
 * DELIVERED (EMAIL) when the SMTP server accepted it for at least one key adult, FAILED (EMAIL) otherwise, with the
 * reason in words and no personal data. If the process stops between the SMTP server's acceptance and the commit,
 * the notice is sent again (at least once).
 */
@Component
public class EmailNotices {

    private static final Logger log = LoggerFactory.getLogger(EmailNotices.class);

    /** Why a notice is sent, and so to whom. */
    public enum Purpose {
        NEW_ALERT(Set.of(PersonRole.KEY_ADULT)),
        ESCALATION(Set.of(PersonRole.DEPUTY)),
        /** Probation has not answered whether the children's needs were considered (package probation). */
        ANSWER_OVERDUE(Set.of(PersonRole.DEPUTY));

        private final Set<PersonRole> roles;

        Purpose(Set<PersonRole> roles) {
            this.roles = roles;
        }

        public Set<PersonRole> roles() {
            return roles;
        }
    }

    private record Notice(long id, UUID alertId, String organisationId, Purpose purpose, Instant dueBy, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryLog deliveryLog;
    private final DeliverySettings settings;
    private final PersonRepository people;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String inboxBaseUrl;
    private final String from;
    private final int batchSize;
    private final Backoff retries;

    public EmailNotices(JdbcTemplate jdbc, TransactionTemplate transactions, DeliveryLog deliveryLog,
                        DeliverySettings settings, PersonRepository people, ObjectProvider<JavaMailSender> mail,
                        Clock clock, MeterRegistry meters,
                        @Value("${notification.inbox.base-url:http://localhost:8082/inbox}") String inboxBaseUrl,
                        @Value("${notification.mail.from:safeguarding-notifications@localhost}") String from,
                        @Value("${notification.delivery.batch-size:100}") int batchSize,
                        @Value("${notification.mail.retry.max-attempts:5}") int maxAttempts,
                        @Value("${notification.mail.retry.base-delay:PT30S}") java.time.Duration baseDelay,
                        @Value("${notification.mail.retry.max-delay:PT30M}") java.time.Duration maxDelay) {
        this.retries = new Backoff(maxAttempts, baseDelay, maxDelay);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveryLog = deliveryLog;
        this.settings = settings;
        this.people = people;
        this.mail = mail;
        this.clock = clock;
        this.meters = meters;
        // every purpose and outcome exists from the start (zero), so a rule on failures sees 0 rather than no data
        for (Purpose purpose : Purpose.values()) {
            for (String outcome : new String[] {"accepted", "failed", "retry", "no-recipients"}) {
                meters.counter("notification.deliveries.email", "purpose", purpose.name(), "outcome", outcome);
            }
        }
        this.inboxBaseUrl = inboxBaseUrl;
        this.from = from;
        this.batchSize = batchSize;
    }

    /** A notice the mail server never accepted, for operations: ids, purpose, attempts, why; never an address. */
    public record Failed(long id, UUID alertId, String organisationId, String purpose, int attempts, String detail,
                         Instant lastAttemptAt) {
    }

    public List<Failed> failed(int limit) {
        return jdbc.query("select id, alert_id, organisation_id, purpose, attempts, detail, sent_at from email_notice"
                        + " where status = 'FAILED' order by sent_at desc limit ?",
                (rs, n) -> new Failed(rs.getLong(1), (UUID) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
                limit);
    }

    /** Queues a notice in the caller's transaction (once per alert and purpose). */
    public void queue(UUID alertId, String organisationId, Purpose purpose, Instant at) {
        jdbc.update("insert into email_notice (alert_id, organisation_id, purpose, status, created_at)"
                + " values (?, ?, ?, 'PENDING', ?) on conflict do nothing", alertId, organisationId, purpose.name(),
                Timestamp.from(at));
    }

    /** Sends pending notices, oldest first, until none is left or a batch was short. Returns how many were handled. */
    public int sendPending() {
        int handled = 0;
        List<Long> ids;
        do {
            ids = jdbc.queryForList("select id from email_notice where status = 'PENDING' and (next_attempt_at is null"
                    + " or next_attempt_at <= ?) order by id limit ?", Long.class, Timestamp.from(clock.instant()),
                    batchSize);
            for (Long id : ids) {
                Boolean done = transactions.execute(tx -> sendOne(id));
                if (Boolean.TRUE.equals(done)) {
                    handled++;
                }
            }
        } while (ids.size() == batchSize);
        return handled;
    }

    private boolean sendOne(long id) {
        Notice notice = jdbc.query("select n.id, n.alert_id, n.organisation_id, n.purpose, d.due_by, n.attempts"
                        + " from email_notice n join delivery d on d.alert_id = n.alert_id where n.id = ?"
                        + " and n.status = 'PENDING' for update of n skip locked",
                rs -> rs.next() ? new Notice(rs.getLong(1), (UUID) rs.getObject(2), rs.getString(3),
                        Purpose.valueOf(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getInt(6)) : null, id);
        if (notice == null) {
            return false; // another instance has it, or it is done
        }
        // the alert's id on every line of this notice (a field of its own in structured logs)
        try (org.slf4j.MDC.MDCCloseable alert = org.slf4j.MDC.putCloseable("alertId", notice.alertId().toString())) {
            return sendOne(notice);
        }
    }

    private boolean sendOne(Notice notice) {
        Instant now = clock.instant();
        List<PersonEntity> recipients = people.findByOrganisationIdAndRoleIn(notice.organisationId(),
                notice.purpose().roles()).stream().filter(p -> p.email() != null && !p.email().isBlank()).toList();
        if (recipients.isEmpty()) {
            // a directory gap, not a channel failure: the alert is in the inbox; operations see it in the log and metric
            finish(notice, "SKIPPED", 0, "no " + roleWords(notice.purpose()) + " with an email address", now);
            meters.counter("notification.deliveries.email", "purpose", notice.purpose().name(), "outcome", "no-recipients").increment();
            log.warn("Email notice {} for alert {}: organisation {} has no {} with an email address",
                    notice.id(), notice.alertId(), notice.organisationId(), roleWords(notice.purpose()));
            return true;
        }
        JavaMailSender sender = mail.getIfAvailable();
        String organisationName = settings.organisationName(notice.organisationId());
        String link = NoticeText.link(inboxBaseUrl, notice.alertId());
        NoticeText.Text text = switch (notice.purpose()) {
            case NEW_ALERT -> NoticeText.newAlert(organisationName, link);
            case ESCALATION -> NoticeText.escalation(organisationName, link, notice.dueBy());
            case ANSWER_OVERDUE -> NoticeText.answerOverdue(organisationName, link);
        };
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        for (PersonEntity person : recipients) {
            if (sender == null) {
                failures.add("no mail server configured");
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(person.email());
            message.setSubject(text.subject());
            message.setText(text.body());
            try {
                sender.send(message);
                accepted++;
            } catch (MailException e) {
                // the exception class only: its message may carry the address
                failures.add(e.getClass().getSimpleName());
            }
        }
        boolean delivered = accepted > 0;
        int attempt = notice.attempts() + 1;
        if (!delivered && !retries.exhausted(attempt)) {
            // the mail server did not take it (down, refusing): try again later, as webhooks are
            Instant next = now.plus(retries.delayAfter(attempt));
            jdbc.update("update email_notice set attempts = ?, next_attempt_at = ?, detail = ? where id = ?", attempt,
                    Timestamp.from(next), "attempt " + attempt + " not accepted by the mail server: "
                            + String.join(", ", failures.stream().distinct().toList()) + "; next at " + next, notice.id());
            meters.counter("notification.deliveries.email", "purpose", notice.purpose().name(), "outcome", "retry")
                    .increment();
            log.warn("Email notice {} for alert {}: attempt {} not accepted by the mail server; next at {}",
                    notice.id(), notice.alertId(), attempt, next);
            return true;
        }
        jdbc.update("update email_notice set attempts = ? where id = ?", attempt, notice.id());
        String detail = delivered
                ? "email notice accepted by the mail server for " + accepted + " of " + recipients.size() + " " + roleWords(notice.purpose())
                : "email notice not accepted by the mail server: " + String.join(", ", failures.stream().distinct().toList());
        finish(notice, delivered ? "SENT" : "FAILED", accepted, detail, now);
        if (notice.purpose() == Purpose.NEW_ALERT) {
            deliveryLog.record(notice.alertId(), delivered ? DeliveryState.DELIVERED : DeliveryState.FAILED,
                    DeliveryChannel.EMAIL, null, detail, now);
        } else if (!delivered) {
            deliveryLog.record(notice.alertId(), DeliveryState.FAILED, DeliveryChannel.EMAIL, null, "escalation " + detail, now);
        }
        meters.counter("notification.deliveries.email", "purpose", notice.purpose().name(),
                "outcome", delivered ? "accepted" : "failed").increment();
        log.info("Email notice {} ({}) for alert {}: {} of {} recipients accepted", notice.id(), notice.purpose(),
                notice.alertId(), accepted, recipients.size());
        return true;
    }

    private void finish(Notice notice, String status, int recipients, String detail, Instant now) {
        jdbc.update("update email_notice set status = ?, sent_at = ?, recipients = ?, detail = ? where id = ?",
                status, Timestamp.from(now), recipients, detail, notice.id());
    }

    private static String roleWords(Purpose purpose) {
        return purpose == Purpose.NEW_ALERT ? "key adults" : "deputies";
    }
}
