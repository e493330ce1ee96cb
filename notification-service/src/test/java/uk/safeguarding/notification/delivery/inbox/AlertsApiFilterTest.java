package uk.safeguarding.notification.delivery.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts API narrowed to one case: by police reference and by child (directory id or name), for a school looking
 * for one; always within the caller's organisation.
 */
class AlertsApiFilterTest extends InboxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSchoolFindsItsAlertByPoliceReferenceOrChildAndNeverAnotherSchoolsAlertOfTheSameIncident() throws Exception {
        // given one incident alerting two schools, each about its own pupil
        Scenario s = givenAnIncidentAlertingTwoSchools();
        String me = s.mine().email();
        String myChildId = jdbc.queryForObject("select child_id from alert_ledger where alert_id = ?", String.class,
                s.mine().alertId());

        // when the first school asks by the police reference (written in lower case, with spaces around it)
        JsonNode byReference = list(me, "policeReference=" + encode("  " + s.policeReference().toLowerCase() + " "));
        // then it gets its own alert of that incident, and not the other school's
        assertThat(alertIds(byReference)).containsExactly(s.mine().alertId().toString());
        assertThat(byReference.path("total").asLong()).isEqualTo(1);
        assertThat(byReference.path("policeReference").asText()).isEqualToIgnoringCase(s.policeReference());

        // when it asks by its pupil's directory id, by the pupil's name, or by the family name alone
        // then the same alert
        assertThat(alertIds(list(me, "child=" + encode(myChildId)))).containsExactly(s.mine().alertId().toString());
        assertThat(alertIds(list(me, "child=" + encode(s.mine().childName().toUpperCase()))))
                .containsExactly(s.mine().alertId().toString());
        String myFamily = s.mine().childName().substring(s.mine().childName().indexOf(' ') + 1);
        assertThat(alertIds(list(me, "child=" + encode(myFamily)))).containsExactly(s.mine().alertId().toString());

        // when it asks for the other school's pupil, by name, or for a reference it has no alert for
        JsonNode otherChild = list(me, "child=" + encode(s.other().childName()));
        JsonNode unknownReference = list(me, "policeReference=" + encode(s.policeReference() + "-9"));
        // then nothing: another organisation's alerts are never found
        assertThat(alertIds(otherChild)).isEmpty();
        assertThat(otherChild.path("total").asLong()).isZero();
        assertThat(alertIds(unknownReference)).isEmpty();

        // and both filters together narrow to what meets both
        assertThat(alertIds(list(me, "policeReference=" + encode(s.policeReference()) + "&child=" + encode(myFamily))))
                .containsExactly(s.mine().alertId().toString());
        assertThat(alertIds(list(me, "policeReference=" + encode(s.policeReference()) + "&child="
                + encode(s.other().childName())))).isEmpty();
    }

    @Test
    void aFilterLongerThanAnyReferenceIsRefused() throws Exception {
        Scenario s = givenAnIncidentAlertingTwoSchools();
        HttpResponse<String> r = get(s.mine().email(), "child=" + "x".repeat(101));
        assertThat(r.statusCode()).isEqualTo(400);
    }

    private JsonNode list(String email, String query) throws Exception {
        HttpResponse<String> r = get(email, query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String email, String query) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/alerts?size=200&" + query))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> alertIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("alerts").forEach(a -> ids.add(a.path("alertId").asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
