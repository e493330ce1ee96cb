package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.testkit.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IncidentReported;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTest extends DeliveryTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the organisation's system received. */
    record Received(String idempotencyKey, String signature, String contentType, String body) {
    }

    @Autowired
    private WebhookDispatcher webhooks;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Status codes the receiver answers with, in turn; 200 once they run out. */
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile boolean alwaysFail;
    private String secret;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("X-Safeguarding-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Integer answer = alwaysFail ? Integer.valueOf(503) : answers.poll();
            exchange.sendResponseHeaders(answer == null ? 200 : answer, -1);
            exchange.close();
        });
        receiver.start();
        secret = "whsec-" + unique();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private School givenSchoolWithWebhook() {
        School school = givenSchoolWithPupil();
        settings.setWebhook(school.id(), "http://localhost:" + receiver.getAddress().getPort() + "/hooks/" + school.id(),
                secret, true);
        return school;
    }

    /** Moves time on for the retries: each call runs the dispatcher at a later "now" than any retry it scheduled. */
    private void driveRetriesUntil(UUID alertId, String status) {
        Instant start = clock.instant();
        for (int hour = 1; hour <= 20 && !status.equals(webhookStatus(alertId)); hour++) {
            webhooks.dispatchDue(start.plus(Duration.ofHours(hour)));
        }
        assertThat(webhookStatus(alertId)).isEqualTo(status);
    }

    private String webhookStatus(UUID alertId) {
        return jdbc.query("select status from webhook_delivery where alert_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, alertId);
    }

    private List<Map<String, Object>> attempts(UUID alertId) {
        return jdbc.queryForList("select attempt, status_code, error, duration_ms, succeeded, dead from webhook_attempt"
                + " where alert_id = ? order by attempt", alertId);
    }

    @Test
    void theOrganisationsSystemReceivesTheAlertSignedWithItsSecretAndKeyedByTheAlertId() throws Exception {
        // given a school whose own system takes alerts by webhook
        School school = givenSchoolWithWebhook();

        // when an incident names its pupil
        IncidentReported incident = incidentFor(school, "REF-" + unique());

        // then its system gets one POST: the alert as JSON, with a signature it can verify and the idempotency key
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        Received request = received.get(0);
        assertThat(request.idempotencyKey()).isEqualTo(alertId.toString());
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(WebhookSignature.verify(secret, request.signature(), request.body(),
                TestClock.clock().instant().getEpochSecond(), 300)).isTrue();
        String t = request.signature().split(",")[0].substring(2);
        assertThat(request.signature()).isEqualTo("t=" + t + ",v1=" + WebhookSignature.hmacHex(secret, t + "." + request.body()));
        assertThat(WebhookSignature.verify("another-secret", request.signature(), request.body(),
                TestClock.clock().instant().getEpochSecond(), 300)).isFalse();
        JsonNode alert = JSON.readTree(request.body());
        assertThat(alert.get("alertId").asText()).isEqualTo(alertId.toString());
        assertThat(alert.get("recipient").get("organisationId").asText()).isEqualTo(school.id());
        assertThat(alert.get("child").get("givenName").asText()).isEqualTo(school.givenName());

        // and the alert is DELIVERED by webhook on alerts.status
        awaitStatus(alertId, DeliveryState.DELIVERED, DeliveryChannel.WEBHOOK);
        assertThat(attempts(alertId)).singleElement().satisfies(a -> {
            assertThat(a.get("status_code")).isEqualTo(200);
            assertThat(a.get("succeeded")).isEqualTo(true);
        });
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsTheAlertInEffectOnceAfterThreeRecordedAttempts() {
        // given a school whose system answers 500 twice, then 200
        School school = givenSchoolWithWebhook();
        answers.add(500);
        answers.add(500);

        // when an incident names its pupil, and time moves on past each retry
        IncidentReported incident = incidentFor(school, "REF-" + unique());
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> !attempts(alertId).isEmpty()); // the first, straight away
        driveRetriesUntil(alertId, "DELIVERED");

        // then three attempts are recorded, the last one a success, every request the same alert under the same key
        assertThat(attempts(alertId)).extracting(a -> a.get("status_code")).containsExactly(500, 500, 200);
        assertThat(attempts(alertId)).extracting(a -> a.get("succeeded")).containsExactly(false, false, true);
        assertThat(attempts(alertId)).allSatisfy(a -> assertThat(a.get("dead")).isEqualTo(false));
        assertThat(received).hasSize(3).extracting(Received::idempotencyKey).containsOnly(alertId.toString());
        assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
        assertThat(received).allSatisfy(r -> assertThat(WebhookSignature.verify(secret, r.signature(), r.body(),
                TestClock.clock().instant().getEpochSecond(), 300)).isTrue());

        // and alerts.status says DELIVERED by webhook once
        awaitStatus(alertId, DeliveryState.DELIVERED, DeliveryChannel.WEBHOOK);
        awaitAllStepsPublished(alertId);
        assertThat(statusEvents(alertId)).filteredOn(e -> e.getChannel() == DeliveryChannel.WEBHOOK)
                .extracting(AlertStatusChanged::getState).containsExactly(DeliveryState.DELIVERED);
    }

    @Test
    void aReceiverThatAlwaysFailsIsDeadLetteredAfterTheLastAttemptAndTheAlertReportedFailed() {
        // given a school whose system always answers 503
        School school = givenSchoolWithWebhook();
        alwaysFail = true;

        // when an incident names its pupil, and time moves on past every retry
        IncidentReported incident = incidentFor(school, "REF-" + unique());
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> !attempts(alertId).isEmpty()); // the first, straight away
        driveRetriesUntil(alertId, "DEAD");

        // then every attempt allowed was made and recorded, and all are marked dead
        int maxAttempts = webhooks.backoff().maxAttempts();
        assertThat(attempts(alertId)).hasSize(maxAttempts).allSatisfy(a -> {
            assertThat(a.get("status_code")).isEqualTo(503);
            assertThat(a.get("succeeded")).isEqualTo(false);
            assertThat(a.get("dead")).isEqualTo(true);
        });
        assertThat(received).hasSize(maxAttempts);

        // and alerts.status says FAILED by webhook, in words without personal data
        List<AlertStatusChanged> failed = awaitStatus(alertId, DeliveryState.FAILED, DeliveryChannel.WEBHOOK);
        assertThat(failed).singleElement().satisfies(e ->
                assertThat(e.getDetail()).contains("dead-lettered").contains("503").doesNotContain(school.familyName()));

        // and no further attempt is made however much time passes
        webhooks.dispatchDue(clock.instant().plus(Duration.ofDays(30)));
        assertThat(attempts(alertId)).hasSize(maxAttempts);
    }
}
