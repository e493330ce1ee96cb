package uk.safeguarding.faults;

import org.awaitility.Awaitility;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.ConsumerLag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fault run: a stream of incidents, faults injected when conditions are met (never after a sleep), and the
 * exactly-once verdict on the ledger and the agency topics. Prints a timeline into the test's output file.
 */
final class FaultRun {

    final FaultPlatform platform;
    final IncidentStream stream;
    final Ledger ledger;
    private final long started = System.nanoTime(); // elapsed time, not a date: no clock to move

    FaultRun(FaultPlatform platform, String runTag) {
        this.platform = platform;
        this.stream = new IncidentStream(platform, runTag);
        this.ledger = new Ledger(platform.db);
    }

    void log(String what) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    /** Ledger rows of this run's incidents so far. */
    int ledgered() {
        return ledger.count(stream.incidentIds());
    }

    /** Waits until this run's ledger has grown by {@code alerts} rows from now (and the condition holds). */
    int awaitProgress(int alerts, BooleanSupplier andAlso, String what) {
        int from = ledgered();
        Awaitility.await(what).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> ledgered() >= from + alerts && andAlso.getAsBoolean());
        int now = ledgered();
        log(what + ": " + now + " alerts ledgered, " + stream.incidents() + " incidents produced");
        return now;
    }

    /**
     * Then: every alert of every incident revision produced is in the ledger once, and on the agency topics once as
     * a read_committed reader sees them; no alert twice, none missing, none that should not be.
     */
    void assertEveryAlertExactlyOnce() throws Exception {
        stream.stop();
        List<String> incidentIds = stream.incidentIds();
        List<Households.AlertKey> expected = stream.expectedAlerts();
        log("stream stopped: " + stream.incidents() + " incidents, " + stream.records() + " records, "
                + expected.size() + " alerts expected");
        assertThat(stream.incidents()).as("incidents produced").isGreaterThanOrEqualTo(100);

        Awaitility.await("every expected alert ledgered").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200)).until(() -> ledgered() >= expected.size());
        ConsumerLag.awaitCaughtUp(platform.bootstrapServers(), FaultPlatform.ROUTING_GROUP, Topics.INCIDENTS.name());
        log("routing group caught up: every incident record's offset committed with its alerts");

        // the ledger, as the database counts it
        assertThat(ledger.duplicates(incidentIds)).as("ledger rows held twice or more").isEmpty();
        List<Ledger.Row> rows = ledger.rows(incidentIds);
        assertThat(ExactlyOnce.problems("alert_ledger", expected, rows, Ledger.Row::key)).isEmpty();
        assertThat(rows).hasSize(expected.size());
        log("ledger: " + rows.size() + " rows, each expected alert once");

        // the agency topics, as recipients read them
        try (AgencyTopicsReader topics = new AgencyTopicsReader(platform)) {
            Awaitility.await("every expected alert on the agency topics").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> topics.of(incidentIds).stream().map(AgencyTopicsReader.Seen::key).distinct().count()
                            >= expected.size());
            topics.readToEnd(Duration.ofSeconds(45));
            List<AgencyTopicsReader.Seen> seen = topics.of(incidentIds);
            List<String> problems = new ArrayList<>(ExactlyOnce.problems("agency topics", expected, seen,
                    AgencyTopicsReader.Seen::key));
            assertThat(problems).isEmpty();
            assertThat(seen).hasSize(expected.size());
            // a re-sent alert is the ledgered one: same alert id
            java.util.Map<Households.AlertKey, String> ledgeredIds = new java.util.HashMap<>();
            rows.forEach(r -> ledgeredIds.put(r.key(), r.alertId()));
            assertThat(seen).allSatisfy(s -> assertThat(s.alertId()).as("alert id of " + s)
                    .isEqualTo(ledgeredIds.get(s.key())));
            log("agency topics (read_committed): " + seen.size() + " records, each expected alert once");
        }
    }

    void close() {
        stream.close();
    }
}
