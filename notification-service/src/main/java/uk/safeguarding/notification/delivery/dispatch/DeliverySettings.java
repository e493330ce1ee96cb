package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.shared.security.OrganisationNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.platform.secrets.SecretBox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each organisation's delivery channels: email notices on or off (on unless switched off) and its own system's
 * webhook endpoint (URL, secret, active). The inbox needs no setting: an alert is in the inbox once it is recorded.
 * Signing secrets are stored encrypted ({@link SecretBox}, key {@code notification.secrets.key} from the environment)
 * and decrypted only to sign.
 */
@Component
public class DeliverySettings implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeliverySettings.class);

    /** An organisation's webhook endpoint. */
    public record WebhookEndpoint(String organisationId, String url, String secret, boolean active) {
        @Override
        public String toString() {
            return "WebhookEndpoint[" + organisationId + ", " + url + ", active=" + active + "]"; // never the secret
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretBox secrets;
    private final List<OrganisationNames> names;

    public DeliverySettings(JdbcTemplate jdbc, Clock clock, List<OrganisationNames> names,
                            @Value("${notification.secrets.key:}") String secretsKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.names = names;
        this.secrets = SecretBox.fromBase64(secretsKey, "notification.secrets.key (NOTIFICATION_SECRETS_KEY)");
    }

    /** Signing secrets stored before they were encrypted are encrypted now, once, at startup. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String[]> plain = jdbc.query("select organisation_id, secret from webhook_endpoint where secret not like ?",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, SecretBox.PREFIX + "%");
        plain.forEach(row -> jdbc.update("update webhook_endpoint set secret = ? where organisation_id = ?"
                + " and secret = ?", secrets.seal(row[1]), row[0], row[1]));
        if (!plain.isEmpty()) {
            log.info("Encrypted {} webhook signing secret(s) stored before secrets were encrypted", plain.size());
        }
    }

    @Transactional
    public void setEmailNotices(String organisationId, boolean enabled) {
        jdbc.update("insert into email_notice_setting (organisation_id, enabled, updated_at) values (?, ?, ?)"
                + " on conflict (organisation_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at",
                organisationId, enabled, Timestamp.from(clock.instant()));
    }

    @Transactional
    public void setWebhook(String organisationId, String url, String secret, boolean active) {
        jdbc.update("insert into webhook_endpoint (organisation_id, url, secret, active, updated_at) values (?, ?, ?, ?, ?)"
                + " on conflict (organisation_id) do update set url = excluded.url, secret = excluded.secret,"
                + " active = excluded.active, updated_at = excluded.updated_at", organisationId, url, secrets.seal(secret), active,
                Timestamp.from(clock.instant()));
    }

    @Transactional
    public boolean deleteWebhook(String organisationId) {
        return jdbc.update("delete from webhook_endpoint where organisation_id = ?", organisationId) == 1;
    }

    /** Email notices are on unless the organisation switched them off. */
    public boolean emailNoticesEnabled(String organisationId) {
        return !emailNoticesOff(List.of(organisationId)).contains(organisationId);
    }

    /**
     * An organisation this process knows: named by a module running here (the directory, or the alerts delivered to
     * it), or with people who sign in.
     */
    public boolean organisationExists(String organisationId) {
        return names.stream().anyMatch(n -> n.nameOf(organisationId).isPresent())
                || Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from person where organisation_id = ?)",
                Boolean.class, organisationId));
    }

    public Optional<WebhookEndpoint> webhook(String organisationId) {
        return jdbc.query("select organisation_id, url, secret, active from webhook_endpoint where organisation_id = ?",
                (rs, n) -> new WebhookEndpoint(rs.getString(1), rs.getString(2), secrets.open(rs.getString(3)),
                        rs.getBoolean(4)), organisationId).stream().findFirst();
    }

    /** Of these organisations, those that switched email notices off. */
    Set<String> emailNoticesOff(Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select organisation_id from email_notice_setting"
                + " where not enabled and organisation_id = any (?)", String.class, (Object) organisationIds.toArray(String[]::new)));
    }

    /** Of these organisations, those with an active webhook endpoint. */
    Map<String, WebhookEndpoint> activeWebhooks(Collection<String> organisationIds) {
        Map<String, WebhookEndpoint> endpoints = new HashMap<>();
        if (organisationIds.isEmpty()) {
            return endpoints;
        }
        jdbc.query("select organisation_id, url, secret, active from webhook_endpoint where active and organisation_id = any (?)",
                rs -> {
                    endpoints.put(rs.getString(1), new WebhookEndpoint(rs.getString(1), rs.getString(2),
                            secrets.open(rs.getString(3)), rs.getBoolean(4)));
                }, (Object) organisationIds.toArray(String[]::new));
        return endpoints;
    }

    /** The organisation's name (for an email subject), or its id. */
    public String organisationName(String organisationId) {
        return names.stream().map(n -> n.nameOf(organisationId)).flatMap(Optional::stream).findFirst()
                .orElse(organisationId);
    }
}
