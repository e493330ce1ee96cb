package uk.safeguarding.notification.delivery.escalation;

import uk.safeguarding.notification.TestAlerts;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.delivery.dispatch.DeliveryLog;
import uk.safeguarding.notification.delivery.dispatch.DeliveryTestSupport;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.delivery.dispatch.TestMailServer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation and breach, on the shared context: the alerts here are recorded straight through DeliveryLog with a
 * chosen deadline (40 minutes ahead, so the background scheduler on the real clock leaves them alone), and the test
 * moves time by running the escalation at chosen instants.
 */
class EscalationTest extends DeliveryTestSupport {

    @Autowired
    private Escalations escalations;

    @Autowired
    private MeterRegistry meters;
    private TestRestTemplate http;

    @BeforeEach
    void signedInAsOperations() {
        http = api(PersonRole.OPERATIONS);
    }

    private double breachedCount() {
        Counter counter = meters.find("notification.deliveries.breached").tag("kind", "SCHOOL").counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID givenAlert(School school, Instant dueBy) {
        UUID alertId = UUID.randomUUID();
        deliveryLog.recordSent(List.of(TestAlerts.alert(alertId, "T-INC-" + unique(), school.id(), school.name(),
                AgencyKind.SCHOOL, dueBy, clock.instant())), clock.instant());
        return alertId;
    }

    private List<DeliveryState> steps(UUID alertId) {
        return jdbc.queryForList("select state from delivery_event where alert_id = ? order by seq", String.class, alertId)
                .stream().map(DeliveryState::valueOf).toList();
    }

    @Test
    void anUnopenedAlertEscalatesToTheDeputyBeforeItsDeadlineThenBreachesAtIt() {
        // given a school with a key adult and a deputy, and an alert due in 40 minutes nobody has opened
        School school = givenSchoolWithPupil();
        givenPerson(school.id(), PersonRole.KEY_ADULT, "dsl-" + unique() + "@brookfield.example");
        String deputy = "deputy-" + unique() + "@brookfield.example";
        givenPerson(school.id(), PersonRole.DEPUTY, deputy);
        Instant dueBy = clock.instant().plus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MILLIS);
        UUID alertId = givenAlert(school, dueBy);
        double breachedBefore = breachedCount();

        // when the clock is just short of the margin before the deadline: nothing
        escalations.processDue(dueBy.minus(Duration.ofMinutes(31)));
        assertThat(steps(alertId)).doesNotContain(DeliveryState.ESCALATED);

        // when it reaches the deadline less the margin: escalated, and the deputy is told by email
        escalations.processDue(dueBy.minus(Duration.ofMinutes(30)));
        assertThat(steps(alertId)).containsSubsequence(DeliveryState.SENT, DeliveryState.ESCALATED)
                .doesNotContain(DeliveryState.BREACHED);
        MimeMessage email = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMailServer.messagesTo(deputy), m -> !m.isEmpty()).get(0);
        assertThat(TestMailServer.subject(email)).isEqualTo("Safeguarding notification not yet opened for " + school.name());
        assertThat(TestMailServer.body(email)).contains("http://localhost:8082/inbox/alerts/" + alertId)
                .doesNotContain(school.givenName()).doesNotContain(school.familyName());

        // when it reaches the deadline, unopened: breached
        escalations.processDue(dueBy);
        escalations.processDue(dueBy.plus(Duration.ofMinutes(5))); // a later run changes nothing

        // then one escalation, one breach, both on alerts.status
        assertThat(steps(alertId)).containsExactly(DeliveryState.SENT, DeliveryState.ESCALATED, DeliveryState.BREACHED);
        awaitStatus(alertId, DeliveryState.ESCALATED, DeliveryChannel.PLATFORM);
        List<AlertStatusChanged> breached = awaitStatus(alertId, DeliveryState.BREACHED, DeliveryChannel.PLATFORM);
        assertThat(breached).singleElement().satisfies(e -> assertThat(e.getDueBy()).isEqualTo(dueBy));
        assertThat(breachedCount()).isGreaterThanOrEqualTo(breachedBefore + 1);
        assertThat(TestMailServer.messagesTo(deputy)).hasSize(1);

        // and the breach is listed for operations, with ids and times, no child's name
        ResponseEntity<List<Map<String, Object>>> response = http.exchange(
                "/api/v1/breaches?organisationId=" + school.id(), HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {
                });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).singleElement().satisfies(b -> {
            assertThat(b.get("alertId")).isEqualTo(alertId.toString());
            assertThat(b.get("organisationId")).isEqualTo(school.id());
            assertThat(b.get("organisationName")).isEqualTo(school.name());
            assertThat(b.get("recipientKind")).isEqualTo("SCHOOL");
            assertThat(Instant.parse((String) b.get("dueBy"))).isEqualTo(dueBy);
            assertThat(Instant.parse((String) b.get("breachedAt"))).isEqualTo(dueBy);
            assertThat(b.get("state")).isEqualTo("BREACHED");
            assertThat(b.toString()).doesNotContain(school.givenName()).doesNotContain(school.familyName());
        });
    }

    @Test
    void anAlertOpenedBeforeItsDeadlineIsNeitherEscalatedNorBreached() {
        // given a school with a deputy and an alert due in 40 minutes, opened by its key adult
        School school = givenSchoolWithPupil();
        String deputy = "deputy-" + unique() + "@brookfield.example";
        givenPerson(school.id(), PersonRole.DEPUTY, deputy);
        String keyAdult = givenPerson(school.id(), PersonRole.KEY_ADULT, "dsl-" + unique() + "@brookfield.example");
        Instant dueBy = clock.instant().plus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MILLIS);
        UUID alertId = givenAlert(school, dueBy);
        deliveryLog.record(alertId, DeliveryState.OPENED, DeliveryChannel.INBOX, keyAdult, "opened", clock.instant());

        // when the margin and then the deadline pass
        escalations.processDue(dueBy.minus(Duration.ofMinutes(30)));
        escalations.processDue(dueBy.plus(Duration.ofMinutes(1)));

        // then nothing more happened to it: no escalation, no breach, no email to the deputy, not listed
        assertThat(steps(alertId)).containsExactly(DeliveryState.SENT, DeliveryState.OPENED);
        awaitStatus(alertId, DeliveryState.OPENED, DeliveryChannel.INBOX);
        awaitAllStepsPublished(alertId);
        assertThat(statusEvents(alertId)).extracting(AlertStatusChanged::getState)
                .containsExactly(DeliveryState.SENT, DeliveryState.OPENED);
        assertThat(jdbc.queryForObject("select count(*) from email_notice where alert_id = ?", Integer.class, alertId))
                .isZero();
        assertThat(TestMailServer.messagesTo(deputy)).isEmpty();
        List<?> listed = http.getForObject("/api/v1/breaches?organisationId=" + school.id(), List.class);
        assertThat(listed).isEmpty();
    }
}
