package uk.safeguarding.notification.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.DirectoryService;

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
    private final DirectoryService directory;

    public DemoInboxAccountsSeeder(JdbcTemplate jdbc, PasswordEncoder passwords, DirectoryService directory) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        movePlatformOperations();
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

    /**
     * A demo directory seeded before the platform's operations organisation was appended lacks it, and its operations
     * person is still at the local authority, whose alerts they could then read: add the organisation and move them.
     */
    private void movePlatformOperations() {
        if (directory.isEmpty()) {
            return; // no demo directory (yet): nothing to move
        }
        Integer present = jdbc.queryForObject("select count(*) from organisation where id = ?", Integer.class,
                DemoDirectory.PLATFORM_OPERATIONS);
        if (present == null || present == 0) {
            directory.importDocument(new DirectoryDocument(List.of(DemoDirectory.platformOperations()), List.of(),
                    List.of(), List.of()));
        }
        int moved = jdbc.update("update person set organisation_id = ? where id = 'P-OPERATIONS' and email = ?"
                        + " and organisation_id = ?", DemoDirectory.PLATFORM_OPERATIONS, DemoSignIns.OPERATIONS_EMAIL,
                DemoDirectory.LOCAL_AUTHORITY);
        if (moved > 0) {
            log.info("Demo operations account moved to the platform's operations organisation (receives no alerts)");
        }
    }
}
