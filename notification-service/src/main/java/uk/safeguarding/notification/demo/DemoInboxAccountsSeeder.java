package uk.safeguarding.notification.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Seeds the {@link DemoSignIns demo inbox accounts} when {@code notification.demo-directory=true}, once the service is
 * up (so after the demo directory, whose organisations they belong to). Idempotent: accounts already there (same id or
 * e-mail) are left as they are; organisations missing from the directory get none. Logs counts only.
 */
@Component
@ConditionalOnProperty(name = "notification.demo-directory", havingValue = "true")
public class DemoInboxAccountsSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoInboxAccountsSeeder.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public DemoInboxAccountsSeeder(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        List<DemoSignIns.SignIn> signIns = DemoSignIns.list();
        String hash = passwords.encode(DemoSignIns.PASSWORD);
        int created = 0;
        for (DemoSignIns.SignIn s : signIns) {
            created += jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                            + " select ?, ?, ?, ?, ?, ? where exists (select 1 from organisation where id = ?)"
                            + " on conflict do nothing",
                    s.personId(), s.organisationId(), s.displayName(), s.email(), s.role().name(), hash,
                    s.organisationId());
        }
        log.info("Demo inbox accounts: {} created, {} already there or without their organisation"
                + " (sign-ins: DemoSignIns.describe)", created, signIns.size() - created);
    }
}
