package uk.safeguarding.notification.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.delivery.escalation.DeadlineGauges;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.unresolved.UnresolvedGauges;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator alerts on: Prometheus reads the metrics without a person's account; the deadline and working-list
 * gauges count what they say; dead letters are counted by topic and cause; the acceptance-to-alert latency is a
 * histogram Prometheus can take quantiles of.
 */
class OperatorSignalsTest extends IntegrationTestSupport {

    @Autowired
    MeterRegistry meters;
    @Autowired
    DeadlineGauges deadlines;
    @Autowired
    UnresolvedGauges.Values unresolved;

    @Test
    void theOperatorMetricsExistFromTheStartAndAScraperNeedsNoAccount() {
        // then the meters an operator alerts on exist before anything happened (a rule sees 0, not "no data")
        assertThat(meters.find("notification.deadlines.at-risk").gauges()).hasSize(AgencyKind.values().length);
        assertThat(meters.find("notification.deadlines.breached").gauges()).hasSize(AgencyKind.values().length);
        assertThat(meters.find("notification.deliveries.state").gauges()).isNotEmpty();
        assertThat(meters.find("notification.unresolved.waiting").gauge()).isNotNull();
        assertThat(meters.find("notification.unresolved.oldest.age").gauge()).isNotNull();
        assertThat(meters.find("notification.deliveries.webhook").tag("outcome", "dead").counter()).isNotNull();
        assertThat(meters.find("notification.deliveries.email").tag("outcome", "failed").counters()).isNotEmpty();
        // and a scraper without an account passes the access matrix (Spring Boot's tests leave the Prometheus
        // registry out, so the path itself is not found here: OperationsMetricsExistTest in deploy/local scrapes it),
        // while the rest of the actuator still needs operations
        assertThat(anonymousApi().getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(anonymousApi().getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void atRiskCountsAlertsNotOpenedDueWithinTheWindowAndBreachedThosePastTheirDeadline() {
        Instant now = TestClock.now();
        deadlines.refresh(now);
        double atRiskBefore = gauge("notification.deadlines.at-risk", "kind", "GP");
        double breachedBefore = gauge("notification.deadlines.breached", "kind", "GP");
        double sentBefore = gauge("notification.deliveries.state", "state", "SENT");
        Duration window = deadlines.atRiskWindow();
        List<UUID> rows = new ArrayList<>();
        try {
            // given GP alerts not opened: two due within the window, one past its deadline, one due after the window,
            // and one due within the window but opened
            rows.add(delivery(now.plus(window).minusSeconds(60), null));
            rows.add(delivery(now.plusSeconds(60), null));
            rows.add(delivery(now.minusSeconds(60), null));
            rows.add(delivery(now.plus(window).plusSeconds(3600), null));
            rows.add(delivery(now.plusSeconds(120), now));

            // when the gauges are computed
            deadlines.refresh(now);

            // then two are at risk, one breached, and all five count as SENT
            assertThat(gauge("notification.deadlines.at-risk", "kind", "GP") - atRiskBefore).isEqualTo(2);
            assertThat(gauge("notification.deadlines.breached", "kind", "GP") - breachedBefore).isEqualTo(1);
            assertThat(gauge("notification.deliveries.state", "state", "SENT") - sentBefore).isEqualTo(5);
        } finally {
            rows.forEach(id -> jdbc.update("delete from delivery where alert_id = ?", id));
        }
    }

    @Test
    void theWorkingListGaugesCountChildrenWaitingAndTheOldestOnesAge() {
        Duration waited = Duration.ofDays(50 * 365);
        Instant now = TestClock.now();
        unresolved.refresh(now);
        long waitingBefore = unresolved.waiting();
        String incidentId = "ops-signals-" + unique();
        try {
            // given a child waiting on the working list for 50 years: older than any other test's rows, which some tests
            // date on a calendar (so on a clock moved by platform.clock.offset they are hundreds of days old)
            jdbc.update("insert into unresolved_child (incident_id, revision, child_index, force_code, police_reference,"
                            + " given_name, family_name, reason, detail, detected_at, received_at, source_topic,"
                            + " source_partition, source_offset) values (?, 1, 0, 'TST', ?, 'Invented', 'Child',"
                            + " 'NO_MATCH', 'test', ?, ?, ?, 0, -1)", incidentId, incidentId,
                    Timestamp.from(now.minus(waited)), Timestamp.from(now.minus(waited)),
                    Topics.INCIDENTS.name());

            // when the gauges are computed
            unresolved.refresh(now);

            // then one more child waits, and the oldest has waited that long
            assertThat(unresolved.waiting() - waitingBefore).isEqualTo(1);
            assertThat(meters.get("notification.unresolved.oldest.age").gauge().value())
                    .isEqualTo(waited.toSeconds());
        } finally {
            jdbc.update("delete from unresolved_child where incident_id = ?", incidentId);
        }
    }

    @Test
    void aDeadLetterIsCountedByTopicAndCauseAndARoutedAlertsLatencyIsRecorded() {
        double deadBefore = meters.find("notification.dead.letters").tag("topic", Topics.INCIDENTS.name())
                .counters().stream().mapToDouble(c -> c.count()).sum();
        long latencyBefore = latencyCount();

        // when unreadable bytes and a good incident for a pupil arrive
        produceRaw("not-an-incident".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 2, 3});
        produce(pupilIncident(unique()));

        // then the dead letter is counted for its topic with its cause, and the alert's latency is in the histogram
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(meters.find("notification.dead.letters").tag("topic", Topics.INCIDENTS.name()).counters()
                    .stream().mapToDouble(c -> c.count()).sum()).isGreaterThan(deadBefore);
            assertThat(latencyCount()).isGreaterThan(latencyBefore);
        });
        // a cause is a class name, never a value from the record
        assertThat(meters.find("notification.dead.letters").counters())
                .allSatisfy(c -> assertThat(c.getId().getTag("cause")).matches("[A-Za-z0-9_$]+"));
        // (that it is published as a histogram, _bucket series for quantiles, is seen in Prometheus's own view by
        // OperationsMetricsExistTest in deploy/local: Spring Boot's tests leave the Prometheus registry out)
    }

    private long latencyCount() {
        return meters.find("notification.alerts.latency").tag("kind", AgencyKind.SCHOOL.name()).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private IncidentReported pupilIncident(String token) {
        TestDirectory dir = TestDirectory.create(token);
        String upn = SampleIncidents.uniqueUpn();
        String family = familyName("Signalwood");
        given(new DirectoryDocument(dir.organisations(), List.of(dir.schoolChild("T-CH-OS-" + token, "Oriel", family,
                TestClock.bornYearsAgo(9, 3, 3), upn)), List.of(), List.of()));
        return SampleIncidents.incident("TST", "OPS-" + token).setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Oriel", family, null).setIdentifiers(new ArrayList<>(List.of(
                        SampleIncidents.id(IdentifierScheme.UPN, upn)))).build()))).build();
    }

    private UUID delivery(Instant dueBy, Instant openedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into delivery (alert_id, incident_id, organisation_id, recipient_kind, due_by, state,"
                        + " created_at, opened_at) values (?, ?, 'T-OPS-GP', 'GP', ?, 'SENT', ?, ?)", id, "ops-" + id,
                Timestamp.from(dueBy), Timestamp.from(TestClock.now()),
                openedAt == null ? null : Timestamp.from(openedAt));
        return id;
    }

    private double gauge(String name, String tag, String value) {
        return meters.get(name).tag(tag, value).gauge().value();
    }
}
