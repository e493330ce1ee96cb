package uk.safeguarding.notification.delivery.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.safeguarding.notification.shared.security.PersonRole;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who has seen what about a child, and when: an incident is routed and delivered, a key adult opens and exports their
 * school's alert, and the audit API lists every one of those disclosures about the child.
 */
class DisclosureAuditFlowTest extends InboxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "Who has seen what about this child", as operations read it through the API (HTTP Basic). */
    private JsonNode audit(InboxHttp http, String childId) {
        org.springframework.http.ResponseEntity<String> response = api(PersonRole.OPERATIONS)
                .getForEntity("/api/v1/audit/children/" + childId, String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> actions(JsonNode entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    @Test
    void theAuditApiListsEveryDisclosureAboutAChildAfterRoutingDeliveryOpeningAndExport() {
        // given an incident routed to two schools, each alert recorded for delivery, and a key adult signed in
        Scenario scenario = givenAnIncidentAlertingTwoSchools();
        UUID alertId = scenario.mine().alertId();
        String childId = jdbc.queryForObject("select child_id from alert_ledger where alert_id = ?", String.class,
                alertId);
        InboxHttp http = new InboxHttp(baseUrl());
        http.signIn(scenario.mine().email(), PASSWORD);

        // when they open the alert and export it
        assertThat(http.get("/inbox/alerts/" + alertId).statusCode()).isEqualTo(200);
        HttpResponse<String> export = http.get("/inbox/alerts/" + alertId + "/export");

        // then the export is a printable text attachment of what the alert disclosed, and nothing more
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("alert-" + alertId + ".txt");
        assertThat(export.body()).contains(scenario.mine().childName(), scenario.policeReference(), "I hid in my room",
                "PC Example").doesNotContain("1 Example Road", scenario.other().childName(), "Medium");
        // and the other school's alert cannot be exported by them
        assertThat(http.get("/inbox/alerts/" + scenario.other().alertId() + "/export").statusCode()).isEqualTo(404);

        // then the audit API lists, for the child: the directory match, each alert sent and delivered, the opening
        // and the export, newest first
        JsonNode entries = await().atMost(Duration.ofSeconds(30)).until(() -> audit(http, childId),
                e -> actions(e).containsAll(List.of("ALERT_EXPORTED", "ALERT_OPENED", "ALERT_DELIVERED", "ALERT_SENT",
                        "DIRECTORY_MATCH")));
        List<String> actions = actions(entries);
        assertThat(actions).filteredOn("ALERT_SENT"::equals).hasSize(3); // school, school nurse, GP
        assertThat(actions).filteredOn("ALERT_DELIVERED"::equals).hasSize(3);
        assertThat(actions).filteredOn("ALERT_OPENED"::equals).hasSize(1);
        assertThat(actions).filteredOn("ALERT_EXPORTED"::equals).hasSize(1);
        assertThat(actions).filteredOn("DIRECTORY_MATCH"::equals).hasSize(1);
        List<Instant> times = new ArrayList<>();
        entries.forEach(e -> times.add(Instant.parse(e.get("occurredAt").asText())));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(actions.get(0)).isEqualTo("ALERT_EXPORTED");

        for (JsonNode e : entries) {
            assertThat(e.get("childId").asText()).isEqualTo(childId);
            assertThat(e.get("policyVersion").asText()).isEqualTo("2026-11-1");
            if (e.get("alertId") != null && e.get("alertId").asText().equals(alertId.toString())) {
                // everything that happened to the school's alert: to the school, with the school's fields
                assertThat(e.get("organisationId").asText()).isEqualTo(scenario.mine().organisationId());
                List<String> fields = new ArrayList<>();
                e.get("fields").forEach(f -> fields.add(f.asText()));
                assertThat(fields).contains("childName", "voiceOfChild", "occurredAt")
                        .doesNotContain("riskLevel", "location", "circumstances");
                assertThat(e.get("lawfulBasis").asText()).contains("safeguarding: consent not required");
            }
            String action = e.get("action").asText();
            if (action.equals("ALERT_OPENED") || action.equals("ALERT_EXPORTED")) {
                assertThat(e.get("actor").asText()).isEqualTo(scenario.mine().personId());
                assertThat(e.get("alertId").asText()).isEqualTo(alertId.toString());
            }
        }
        // and no name or date of birth is in the audit: ids and field names only
        assertThat(entries.toString()).doesNotContain(scenario.mine().childName().split(" ")[1], "2017-04-12");
    }

    @Test
    void onlyOperationsMaySeeTheAuditPage() {
        // given a key adult signed in
        Scenario scenario = givenAnIncidentAlertingTwoSchools();
        InboxHttp http = new InboxHttp(baseUrl());
        http.signIn(scenario.mine().email(), PASSWORD);

        // when they ask for the audit page, then it is not found, and it names no child
        HttpResponse<String> page = http.get("/inbox/audit?child=T-CH-A-anything");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Disclosure audit");
    }

    @Test
    void aLookAtAnotherOrganisationsAlertIsRefusedAsNotFoundAndAuditedAndAFullApiReadIsAudited() {
        // given two schools' alerts about an incident, and a key adult of the first school signed in
        Scenario scenario = givenAnIncidentAlertingTwoSchools();
        UUID theirs = scenario.other().alertId();
        String theirChild = jdbc.queryForObject("select child_id from alert_ledger where alert_id = ?", String.class,
                theirs);
        InboxHttp http = new InboxHttp(baseUrl());
        http.signIn(scenario.mine().email(), PASSWORD);

        // when they ask for the other school's alert as a page, an export and through the API
        assertThat(http.get("/inbox/alerts/" + theirs).statusCode()).isEqualTo(404);
        assertThat(http.get("/inbox/alerts/" + theirs + "/export").statusCode()).isEqualTo(404);
        assertThat(apiAs(scenario.mine().organisationId(), PersonRole.KEY_ADULT)
                .getForEntity("/api/v1/alerts/" + theirs, String.class).getStatusCode().value()).isEqualTo(404);
        // and the other school reads its own alert in full through the API
        assertThat(apiAs(scenario.other().organisationId(), PersonRole.KEY_ADULT)
                .getForEntity("/api/v1/alerts/" + theirs, String.class).getStatusCode().value()).isEqualTo(200);

        // then the other child's audit shows three refused looks by the first school, disclosing nothing, and the read
        JsonNode entries = await().atMost(Duration.ofSeconds(30)).until(() -> audit(http, theirChild),
                e -> actions(e).stream().filter("ACCESS_REFUSED"::equals).count() == 3
                        && actions(e).contains("VIEWED"));
        for (JsonNode e : entries) {
            if (e.get("action").asText().equals("ACCESS_REFUSED")) {
                assertThat(e.get("organisationId").asText()).isEqualTo(scenario.mine().organisationId());
                assertThat(e.get("alertId").asText()).isEqualTo(theirs.toString());
                assertThat(e.get("fields")).isEmpty();
            }
            if (e.get("action").asText().equals("VIEWED")) {
                assertThat(e.get("organisationId").asText()).isEqualTo(scenario.other().organisationId());
            }
        }
    }
}
