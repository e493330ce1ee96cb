package uk.safeguarding.notification.perf;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.matching.Candidate;
import uk.safeguarding.notification.routing.matching.SyntheticDirectory;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.ConsumerLag;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throughput measurement, not part of the normal build: {@code -Dperf=true}, optionally {@code -Dperf.incidents=N}
 * (default 20,000) and {@code -Dperf.children=M} (default N/5, at least 2,000).
 *
 * <p>Given a synthetic directory of M school-age children in households (SyntheticDirectory: realistic names, siblings,
 * twins, postcodes, UPNs), spread over 200 schools with their nursing teams and 100 GP practices, it replays N
 * incidents, each naming one household's children as police would (half of them with the UPN), occurring over the
 * past year (so families have a history) and reported now (so their deadlines run from now, as on a live day, rather
 * than all being overdue at once). They are produced while routing is stopped, as the backlog of a replay, and it
 * prints incidents per second from the moment routing starts to the last revision recorded. Routing, fuzzy matching,
 * family history, policy, ledger, audit and (unless the run switches it off) delivery all run, in this one JVM with the
 * broker, PostgreSQL and the registry. {@code -Dperf.statements=true} also prints the database's costliest
 * statements.
 */
@EnabledIfSystemProperty(named = "perf", matches = "true")
class ReplayThroughputTest extends IntegrationTestSupport {

    private static final String ROUTING_BINDING = "routeIncidents-in-0";

    @org.springframework.beans.factory.annotation.Autowired
    BindingsLifecycleController bindings;

    @Test
    void replayedIncidentsAreAllRoutedAndTheRateIsPrinted() {
        int n = Integer.getInteger("perf.incidents", 20_000);
        int m = Integer.getInteger("perf.children", Math.max(2_000, n / 5));
        String run = unique();
        Random random = new Random(20261122L);

        // given a synthetic directory of m children in households, linked to schools and GP practices
        long seedStart = System.nanoTime();
        SyntheticDirectory synthetic = SyntheticDirectory.generate(20261122L, m, TestClock.today());
        List<DirectoryDocument.Organisation> organisations = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            organisations.add(org("P-SN-" + run + "-" + s, "Perf School Nursing " + s, OrganisationKind.SCHOOL_NURSE, null));
            organisations.add(org("P-SCH-" + run + "-" + s, "Perf School " + s, OrganisationKind.SCHOOL,
                    "P-SN-" + run + "-" + s));
        }
        for (int g = 0; g < 100; g++) {
            organisations.add(org("P-GP-" + run + "-" + g, "Perf Surgery " + g, OrganisationKind.GP, null));
        }
        given(new DirectoryDocument(organisations, List.of(), List.of(), List.of()));
        List<SyntheticDirectory.Household> households = synthetic.households();
        List<DirectoryDocument.Child> chunk = new ArrayList<>();
        for (int h = 0; h < households.size(); h++) {
            String school = "P-SCH-" + run + "-" + (h % 200);
            String gp = "P-GP-" + run + "-" + (h % 100);
            for (Candidate c : households.get(h).children()) {
                List<DirectoryDocument.Identifier> ids = c.details().upn() == null ? List.of()
                        : List.of(new DirectoryDocument.Identifier(
                        uk.safeguarding.notification.routing.directory.IdentifierScheme.UPN, c.details().upn()));
                chunk.add(new DirectoryDocument.Child("P-" + run + "-" + c.id(), c.details().givenName(),
                        c.details().familyName(), c.details().dateOfBirth(), c.details().postcode(), ids, school, gp,
                        null));
            }
            if (chunk.size() >= 2_000 || h == households.size() - 1) {
                given(new DirectoryDocument(List.of(), List.copyOf(chunk), List.of(), List.of()));
                chunk.clear();
            }
        }
        System.out.printf("PERF directory of %d children in %d households seeded in %d s%n",
                synthetic.children().size(), households.size(), (System.nanoTime() - seedStart) / 1_000_000_000);
        awaitAllIncidentsProcessed();
        long rowsBefore = jdbc.queryForObject("select count(*) from incident_revision", Long.class);

        // when n incidents, each naming one household's children, wait on the incidents topic as a replay's backlog
        // (routing stopped while they are produced, so that producing them is not measured), and routing starts
        bindings.changeState(ROUTING_BINDING, BindingsLifecycleController.State.STOPPED);
        Instant now = TestClock.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        long produceStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SyntheticDirectory.Household h = households.get(random.nextInt(households.size()));
            List<IncidentChild> children = new ArrayList<>();
            for (Candidate c : h.children()) {
                IncidentChild.Builder child = SampleIncidents.child(c.details().givenName(), c.details().familyName(),
                        c.details().dateOfBirth()).setPostcode(c.details().postcode());
                if (c.details().upn() != null && random.nextBoolean()) {
                    child.setIdentifiers(new ArrayList<>(List.of(SampleIncidents.id(IdentifierScheme.UPN,
                            c.details().upn()))));
                }
                children.add(child.build());
            }
            Instant occurred = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            produceAsync(SampleIncidents.incident("PERF", run + "-" + i).setChildren(children)
                    .setOccurredAt(occurred).setReportedAt(now).build());
        }
        flushProduced();
        System.out.printf("PERF %d incidents produced in %d ms; routing starts%n", n,
                (System.nanoTime() - produceStart) / 1_000_000);
        long start = System.nanoTime();
        bindings.changeState(ROUTING_BINDING, BindingsLifecycleController.State.STARTED);
        // done when the routing group has committed every record (its offsets commit with the alerts, after the
        // database): asked of the broker, since counting a table of a million rows would load the database measured;
        // at least 300 incidents a second, or the measurement is not worth finishing
        Duration patience = Duration.ofSeconds(Math.max(20 * 60, n / 300));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.get().kafkaBootstrapServers()))) {
            long[] lastPrinted = {System.nanoTime()};
            org.awaitility.Awaitility.await().atMost(patience).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long lag = ConsumerLag.lag(admin, GROUP, Topics.INCIDENTS.name());
                if (System.nanoTime() - lastPrinted[0] > 30_000_000_000L) {
                    lastPrinted[0] = System.nanoTime();
                    System.out.printf("PERF %d s: %d of %d incidents routed%n",
                            (System.nanoTime() - start) / 1_000_000_000, n - lag, n);
                }
                return lag == 0;
            });
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then every incident was recorded, and its children routed
        long rows = jdbc.queryForObject("select count(*) from incident_revision", Long.class) - rowsBefore;
        long alerts = jdbc.queryForObject("select count(*) from alert_ledger where child_id like ?", Long.class,
                "P-" + run + "-%");
        System.out.printf("PERF %d incidents routed in %d ms: %.0f incidents/s; %d alerts for the directory's children%n",
                n, millis, n * 1000.0 / millis, alerts);
        assertThat(rows).isEqualTo(n);
        assertThat(alerts).isGreaterThan(0);
        if (Boolean.getBoolean("perf.statements")) {
            printStatements();
        }
    }

    /** With {@code -Dperf.statements=true}: the statements the database spent its time on, most first. */
    private void printStatements() {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.query("select calls, rows, round(total_exec_time) as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as q"
                        + " from pg_stat_statements order by total_exec_time desc limit 25",
                rs -> {
                    System.out.printf("PERF SQL %8d ms %8d calls %9d rows  %s%n", rs.getLong("ms"), rs.getLong("calls"),
                            rs.getLong("rows"), rs.getString("q"));
                });
    }

    private static DirectoryDocument.Organisation org(String id, String name, OrganisationKind kind, String nurse) {
        return new DirectoryDocument.Organisation(id, name, kind, null, nurse, "Lead",
                "lead@" + id.toLowerCase() + ".example", "01234 567890", null, "EX1 1AA");
    }
}
