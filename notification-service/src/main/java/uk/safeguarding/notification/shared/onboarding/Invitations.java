package uk.safeguarding.notification.shared.onboarding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.notification.shared.security.OrganisationNames;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Single-use invitations to choose a password. {@link #issue} keeps only the token's hash, in the caller's transaction,
 * and emails the link once that transaction has committed (so a rolled-back import sends nothing); a newer invitation
 * to the same person replaces the older ones. {@link #redeem} uses a valid token exactly once: the first request to
 * mark it used sets the password, any other finds it used. "Now" is the injected {@link Clock}.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    /** What a token is worth. */
    public sealed interface State {
    }

    /** The link may be used: the person it was sent to. */
    public record Valid(String personId, String email, String displayName, String organisationId,
                        Instant expiresAt) implements State {
    }

    /** Used, expired, replaced by a newer invitation, or never issued (or not a token at all). */
    public record Refused(Why why) implements State {
    }

    public enum Why { USED, EXPIRED, REPLACED, UNKNOWN }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final InvitationMail mail;
    private final List<OrganisationNames> names;
    private final Clock clock;
    private final Duration validity;

    public Invitations(JdbcTemplate jdbc, PlatformTransactionManager transactions, InvitationMail mail,
                       List<OrganisationNames> names, Clock clock,
                       @Value("${notification.onboarding.invitation-validity:P7D}") Duration validity) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mail = mail;
        this.names = names;
        this.clock = clock;
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    /**
     * A new invitation for the person (earlier open ones are replaced), in the caller's transaction; the email goes
     * after it commits, or at once without one. Returns when the link stops working.
     */
    @Transactional
    public Instant issue(String personId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(validity);
        Addressee to = jdbc.query("select email, display_name, organisation_id, role from person where id = ?",
                rs -> rs.next() ? new Addressee(rs.getString(1), rs.getString(2), rs.getString(3),
                        PersonRole.valueOf(rs.getString(4))) : null, personId);
        if (to == null) {
            throw new IllegalArgumentException("no person " + personId);
        }
        jdbc.update("update person_invitation set revoked_at = ? where person_id = ? and used_at is null"
                + " and revoked_at is null", Timestamp.from(now), personId);
        String token = InvitationTokens.newToken();
        Long id = jdbc.queryForObject("insert into person_invitation (person_id, token_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?) returning id", Long.class, personId, InvitationTokens.hash(token),
                Timestamp.from(now), Timestamp.from(expiresAt));
        String organisationName = names.stream().map(n -> n.nameOf(to.organisationId())).flatMap(Optional::stream)
                .findFirst().orElse(to.organisationId());
        InvitationText.Text text = InvitationText.invitation(to.displayName(), organisationName, to.role(),
                mail.link(token), expiresAt);
        Runnable send = () -> send(id, personId, to.email(), text);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
        return expiresAt;
    }

    private record Addressee(String email, String displayName, String organisationId, PersonRole role) {
    }

    private void send(long invitationId, String personId, String email, InvitationText.Text text) {
        InvitationMail.Outcome outcome = mail.send(email, text);
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "update person_invitation set mail_status = ?, mail_detail = ? where id = ?",
                outcome.sent() ? "SENT" : "NOT_SENT", outcome.detail(), invitationId));
        if (outcome.sent()) {
            log.info("Invitation {} for person {} emailed", invitationId, personId);
        } else {
            log.warn("Invitation {} for person {} not emailed: {}; send a new one once mail works", invitationId,
                    personId, outcome.detail());
        }
    }

    /** What the token in a link is worth now. */
    @Transactional(readOnly = true)
    public State check(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return new Refused(Why.UNKNOWN);
        }
        Instant now = clock.instant();
        return jdbc.query("select i.person_id, i.expires_at, i.used_at, i.revoked_at, p.email, p.display_name,"
                        + " p.organisation_id from person_invitation i join person p on p.id = i.person_id"
                        + " where i.token_hash = ?",
                rs -> {
                    if (!rs.next()) {
                        return new Refused(Why.UNKNOWN);
                    }
                    Instant expiresAt = rs.getTimestamp(2).toInstant();
                    if (rs.getTimestamp(3) != null) {
                        return new Refused(Why.USED);
                    }
                    if (rs.getTimestamp(4) != null) {
                        return new Refused(Why.REPLACED);
                    }
                    if (!expiresAt.isAfter(now)) {
                        return new Refused(Why.EXPIRED);
                    }
                    return new Valid(rs.getString(1), rs.getString(5), rs.getString(6), rs.getString(7), expiresAt);
                }, InvitationTokens.hash(token));
    }

    /**
     * Uses the token, once: marks it used and sets the person's password hash, in one transaction. Answers the state
     * the token was in: {@link Valid} when this call used it, otherwise why not (another request may just have).
     */
    @Transactional
    public State redeem(String token, String passwordHash) {
        State before = check(token);
        if (!(before instanceof Valid valid)) {
            return before;
        }
        Instant now = clock.instant();
        List<String> used = jdbc.queryForList("update person_invitation set used_at = ? where token_hash = ?"
                        + " and used_at is null and revoked_at is null and expires_at > ? returning person_id",
                String.class, Timestamp.from(now), InvitationTokens.hash(token), Timestamp.from(now));
        if (used.isEmpty()) {
            return check(token);
        }
        jdbc.update("update person set password_hash = ? where id = ?", passwordHash, valid.personId());
        jdbc.update("update person_invitation set revoked_at = ? where person_id = ? and used_at is null"
                + " and revoked_at is null", Timestamp.from(now), valid.personId());
        log.info("Person {} chose their password with an invitation", valid.personId());
        return valid;
    }
}
