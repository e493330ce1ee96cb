package uk.safeguarding.notification;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table belongs to one module, and a module's SQL names only its own tables and the shared ones: delivery never
 * selects from routing's tables (it keeps what it needs from the alerts it receives), and routing never from
 * delivery's. Read from the sources, so a new table must be given an owner here before it can be used.
 */
class TableOwnershipTest {

    private static final Set<String> ROUTING = Set.of("incident_revision", "alert_ledger", "unresolved_child",
            "unresolved_incident", "organisation", "child", "child_identifier", "adult", "adult_identifier",
            "household_link", "child_blocking_key", "calendar_school", "calendar_school_term", "calendar_school_closure",
            "calendar_extra_bank_holiday", "family_incident", "concern_referral", "directory_change_applied",
            "directory_change_rejected");
    private static final Set<String> DELIVERY = Set.of("delivery", "delivery_event", "delivered_alert",
            "email_notice", "email_notice_setting", "webhook_endpoint", "webhook_delivery", "webhook_attempt",
            "probation_response");
    /**
     * People who sign in and their invitations, the disclosure audit both modules append to, Kafka plumbing (dead
     * letters' payloads, skips and replays), retention's runs.
     */
    private static final Set<String> SHARED = Set.of("person", "person_invitation", "disclosure_audit",
            "outbox_position", "dead_letter_payload", "record_skip", "retention_purge_run", "dead_letter_replay");

    private static final Path MAIN = Path.of("src/main/java/uk/safeguarding/notification");
    private static final Pattern TABLE_USE = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableTheMigrationsCreateHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/notification-service"))) {
            files.forEach(f -> {
                Matcher m = Pattern.compile("create table ([a-z_]+)").matcher(read(f));
                while (m.find()) {
                    created.add(m.group(1));
                }
            });
        }
        Set<String> owned = new TreeSet<>(ROUTING);
        owned.addAll(DELIVERY);
        owned.addAll(SHARED);
        assertThat(created).isNotEmpty().isEqualTo(owned);
    }

    @Test
    void deliverySqlNamesNoTableOfRouting() {
        assertThat(uses(MAIN.resolve("delivery"), ROUTING)).isEmpty();
    }

    @Test
    void routingSqlNamesNoTableOfDelivery() {
        assertThat(uses(MAIN.resolve("routing"), DELIVERY)).isEmpty();
    }

    @Test
    void sharedSqlNamesNeitherModulesTablesButRetentionsOnePolicy() {
        Map<String, Set<String>> both = Map.of("routing", ROUTING, "delivery", DELIVERY);
        List<String> found = new ArrayList<>();
        both.values().forEach(tables -> found.addAll(uses(MAIN.resolve("shared"), tables)));
        // retention applies one policy to every table holding personal data, safe on any instance (skip locked); it
        // becomes a step per module when the modules get databases of their own
        assertThat(found).allMatch(use -> use.startsWith("retention/RetentionPurge.java"));
    }

    /** "file: table" for every SQL use of one of these tables in the Java sources under dir. */
    private static List<String> uses(Path dir, Set<String> tables) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = TABLE_USE.matcher(sqlOf(read(f)));
                while (m.find()) {
                    if (tables.contains(m.group(1).toLowerCase())) {
                        found.add(dir.relativize(f) + ": " + m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The string literals of a source file, joined: where its SQL is (comments and prose are not). */
    private static String sqlOf(String source) {
        StringBuilder sql = new StringBuilder();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(source);
        while (m.find()) {
            sql.append(m.group(1));
        }
        return sql.toString();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
