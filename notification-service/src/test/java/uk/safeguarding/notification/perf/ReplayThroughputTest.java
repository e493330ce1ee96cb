package uk.safeguarding.notification.perf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.directory.DemoDirectory;
import uk.safeguarding.testkit.SampleIncidents;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throughput measurement, not part of the normal build: {@code -Dperf=true} (optionally {@code -Dperf.incidents=N}).
 * Replays N incidents naming demo households and prints incidents per second.
 */
@EnabledIfSystemProperty(named = "perf", matches = "true")
class ReplayThroughputTest extends IntegrationTestSupport {

    @Test
    void replayedDemoIncidentsAreAllRoutedAndTheRateIsPrinted() {
        // given the demo directory and nothing pending
        List<DemoDirectory.Household> households = DemoDirectory.standard().households();
        int n = Integer.getInteger("perf.incidents", 20_000);
        awaitAllIncidentsProcessed();
        long rowsBefore = jdbc.queryForObject("select count(*) from incident_revision", Long.class);

        // when n incidents are produced as fast as possible
        long start = System.nanoTime();
        String run = unique();
        for (int i = 0; i < n; i++) {
            DemoDirectory.Household h = households.get(i % households.size());
            List<IncidentChild> children = h.children().stream()
                    .map(c -> SampleIncidents.child(c.givenName(), c.familyName(), c.dateOfBirth()).build()).toList();
            produceAsync(SampleIncidents.incident("PERF", run + "-" + i).setChildren(new ArrayList<>(children)).build());
        }
        // at least 400 incidents a second, or the measurement is not worth finishing
        java.time.Duration patience = java.time.Duration.ofSeconds(Math.max(20 * 60, n / 400));
        org.awaitility.Awaitility.await().atMost(patience)
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("select count(*) from incident_revision", Long.class) - rowsBefore >= n);
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then every incident was recorded
        long rows = jdbc.queryForObject("select count(*) from incident_revision", Long.class) - rowsBefore;
        System.out.printf("PERF %d incidents routed in %d ms: %.0f incidents/s%n", n, millis, n * 1000.0 / millis);
        assertThat(rows).isEqualTo(n);
    }
}
