package uk.safeguarding.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IncidentOutcomeChanged;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.OutcomeChange;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.local.LocalPoliceSystems;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: a police system sees what happened to its report. The force submits an incident naming a pupil the
 * directory knows and a child it does not; the school's system takes the alert by webhook (DELIVERED), a key adult
 * opens it in the inbox (OPENED); the force then reads, as the platform's delivery events made it, the school's alert
 * for child 0 with its times and child 1 waiting on the local authority's list, on the API and on incidents.outcome.
 * Never the key adult's name or id; another force is answered as if there were no such incident.
 */
@ExtendWith(RunningServices.class)
class IncidentOutcomeEndToEndTest {

    private static final String PASSWORD = "e2e-key-adult-password";

    @Test
    void theForceSeesTheSchoolOpenedItsAlertAndTheChildWaitingOnTheLocalAuthority() throws Exception {
        Services services = RunningServices.services();
        // given a household in the directory, and the school's own system answering its webhook
        TestHousehold household = TestHousehold.create(services);
        HttpServer schoolSystem = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        schoolSystem.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        schoolSystem.start();
        try (TopicProbe<AgencyAlert> schoolAlerts = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
             TopicProbe<IncidentOutcomeChanged> outcomeTopic = TopicProbe.on(Topics.INCIDENT_OUTCOME)) {
            // and a key adult at the school (delivery knows an organisation by its people), who reads alerts in the
            // inbox: no email notices, so that the only delivery is the webhook's
            String staffName = "Philippa Staffordshire-Keyadult";
            String staffId = "E2E-STAFF-" + household.tag;
            String staffEmail = "philippa." + household.tag + "@school.example";
            services.notificationDb().update("insert into person (id, organisation_id, display_name, email, role,"
                            + " password_hash) values (?, ?, ?, ?, 'KEY_ADULT', ?)", staffId, household.schoolId,
                    staffName, staffEmail,
                    new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(PASSWORD));
            Http.Response notices = services.as(PersonRole.DIRECTORY_ADMIN).put(services.deliveryUrl()
                    + "/api/v1/delivery/organisations/" + household.schoolId + "/email-notices", Map.of("enabled", false));
            assertThat(notices.status()).as(notices.text()).isEqualTo(200);
            Http.Response webhook = services.as(PersonRole.DIRECTORY_ADMIN).put(services.deliveryUrl()
                            + "/api/v1/delivery/organisations/" + household.schoolId + "/webhook",
                    Map.of("url", "http://localhost:" + schoolSystem.getAddress().getPort() + "/hook",
                            "secret", "e2e-outcome-webhook-secret-of-enough-length", "active", true));
            assertThat(webhook.status()).as(webhook.text()).isEqualTo(200);

            // when the force submits an incident naming the pupil (children[0]) and a child nobody knows (children[1])
            IncidentReported.Builder builder = household.incident(household.reference("OUTCOME"));
            IncidentReported incident = builder.build();
            incident.getChildren().remove(1);
            incident.getChildren().add(SampleIncidents.child("Robin", "Nobodyknows" + household.tag.replaceAll("\\d", "z"),
                    TestClock.bornYearsAgo(11, 5, 17)).build());
            Http.Response accepted = services.http().post(services.ingestUrl() + "/api/v1/incidents",
                    IncidentJson.of(incident));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            String incidentId = incident.getIncidentId();

            // and the school's system took the alert, and the key adult opens it in the inbox
            AgencyAlert alert = schoolAlerts.await(1, a -> a.getIncidentId().equals(incidentId)).get(0);
            assertThat(alert.getChildIndex()).isEqualTo(0);
            awaitOutcome(services, incidentId, json -> "DELIVERED".equals(schoolAlert(json, household).path("state").asText()));
            Inbox inbox = new Inbox(services.deliveryUrl());
            assertThat(inbox.signIn(staffEmail, PASSWORD).statusCode()).isEqualTo(302);
            HttpResponse<String> page = inbox.get("/inbox/alerts/" + alert.getAlertId());
            assertThat(page.statusCode()).isEqualTo(200);

            // then the force reads the outcome: the school's alert for child 0 sent, delivered and opened, with times
            JsonNode outcome = awaitOutcome(services, incidentId,
                    json -> "OPENED".equals(schoolAlert(json, household).path("state").asText())
                            && json.path("children").size() == 2 && child(json, 0).path("alerts").size() == 3);
            assertThat(outcome.path("forceCode").asText()).isEqualTo("E2E");
            JsonNode pupil = child(outcome, 0);
            assertThat(pupil.path("status").asText()).isEqualTo("NOTIFIED");
            assertThat(pupil.path("revision").asInt()).isEqualTo(1);
            assertThat(pupil.path("alerts").findValuesAsText("kind")).contains("SCHOOL", "SCHOOL_NURSE", "GP");
            JsonNode school = schoolAlert(outcome, household);
            assertThat(school.path("alertId").asText()).isEqualTo(alert.getAlertId());
            assertThat(school.path("organisationName").asText()).isEqualTo("Test Primary School " + household.tag);
            Instant sent = Instant.parse(school.path("sentAt").asText());
            Instant delivered = Instant.parse(school.path("deliveredAt").asText());
            Instant opened = Instant.parse(school.path("openedAt").asText());
            assertThat(delivered).isAfterOrEqualTo(sent);
            assertThat(opened).isAfterOrEqualTo(delivered);
            assertThat(school.path("dueBy").isNull()).isFalse();
            // and the child nobody knows is waiting on the local authority's working list
            JsonNode unknown = child(outcome, 1);
            assertThat(unknown.path("status").asText()).isEqualTo("WAITING");
            assertThat(unknown.path("waiting").path("reason").asText()).isEqualTo("NO_MATCH");
            assertThat(unknown.path("alerts")).isEmpty();
            // never a staff name or id, nor a child's name
            String body = services.http().get(services.ingestUrl() + "/api/v1/incidents/" + incidentId + "/outcome").text();
            assertThat(body).doesNotContain(staffName).doesNotContain("Philippa").doesNotContain(staffId)
                    .doesNotContain(staffEmail).doesNotContain(household.pupil.familyName()).doesNotContain("Robin")
                    .doesNotContain("Nobodyknows");

            // and the same steps are on incidents.outcome for the force, keyed by the incident, ids and states only
            List<IncidentOutcomeChanged> steps = outcomeTopic.await(4, e -> e.getIncidentId().equals(incidentId)
                    && (alert.getAlertId().equals(e.getAlertId()) || e.getChange() == OutcomeChange.CHILD_WAITING));
            assertThat(steps).filteredOn(e -> alert.getAlertId().equals(e.getAlertId()))
                    .extracting(IncidentOutcomeChanged::getState)
                    .contains(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.OPENED);
            assertThat(steps).filteredOn(e -> e.getChange() == OutcomeChange.CHILD_WAITING).singleElement()
                    .satisfies(e -> {
                        assertThat(e.getChildIndex()).isEqualTo(1);
                        assertThat(e.getWaitingReason()).isEqualTo(UnresolvedReason.NO_MATCH);
                    });
            assertThat(steps).allSatisfy(e -> {
                assertThat(e.getForceCode()).isEqualTo("E2E");
                assertThat(e.toString()).doesNotContain(staffName).doesNotContain(staffId)
                        .doesNotContain(household.pupil.familyName());
            });
            assertThat(outcomeTopic.awaitRecords(1, r -> r.value().getIncidentId().equals(incidentId)))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo(incidentId));

            // and another force's system is answered as if there were no such incident
            String gmpToken = LocalPoliceSystems.token(services.ingestUrl(), Services.OTHER_FORCE);
            Http gmp = new Http(services.ingestUrl(), () -> gmpToken);
            Http.Response refused = gmp.get(services.ingestUrl() + "/api/v1/incidents/" + incidentId + "/outcome");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text()).doesNotContain(household.schoolId);
        } finally {
            schoolSystem.stop(0);
        }
    }

    private static JsonNode awaitOutcome(Services services, String incidentId,
                                         java.util.function.Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Http.Response r = services.http().get(services.ingestUrl() + "/api/v1/incidents/" + incidentId + "/outcome");
            return r.status() == 200 ? r.body() : null;
        }, json -> json != null && until.test(json));
    }

    private static JsonNode child(JsonNode outcome, int index) {
        for (JsonNode c : outcome.path("children")) {
            if (c.path("revision").asInt() == 1 && c.path("childIndex").asInt() == index) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode schoolAlert(JsonNode outcome, TestHousehold household) {
        for (JsonNode a : child(outcome, 0).path("alerts")) {
            if (household.schoolId.equals(a.path("organisationId").asText())) {
                return a;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The inbox as a browser uses it: cookies, the sign-in form with its CSRF token, no redirects followed. */
    static final class Inbox {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        private final String baseUrl;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Inbox(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String email, String password) throws Exception {
            Matcher csrf = CSRF.matcher(get("/inbox/sign-in").body());
            assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
            String form = Map.of("email", email, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/inbox/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
