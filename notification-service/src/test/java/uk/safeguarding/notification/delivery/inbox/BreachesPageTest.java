package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.demo.DemoSignIns;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts nobody read in time are shown to operations and the local authority's lead, and to nobody else. */
class BreachesPageTest extends InboxTestSupport {

    private Scenario scenario;
    private InboxHttp http;

    @BeforeEach
    void givenAnAlertBreachedAtOneSchool() {
        scenario = givenAnIncidentAlertingTwoSchools();
        deliveryLog.record(scenario.mine().alertId(), DeliveryState.BREACHED, DeliveryChannel.PLATFORM, null,
                "not opened by the deadline", clock.instant());
        // and the same incident's alert to the pupil's GP practice
        UUID gpAlert = jdbc.queryForObject("select g.alert_id from alert_ledger g join alert_ledger s"
                + " on s.incident_id = g.incident_id where s.alert_id = ? and g.recipient_kind = 'GP' limit 1",
                UUID.class, scenario.mine().alertId());
        deliveryLog.record(gpAlert, DeliveryState.BREACHED, DeliveryChannel.PLATFORM, null,
                "not opened by the deadline", clock.instant());
        http = new InboxHttp(baseUrl());
    }

    @Test
    void operationsSeesTheBreachedOrganisationButNoChild() {
        // when operations signs in and opens the breaches page
        http.signIn(DemoSignIns.OPERATIONS_EMAIL, DemoSignIns.PASSWORD);
        HttpResponse<String> page = http.get("/inbox/breaches");

        // then the school whose alert was not read in time is listed, without the child
        assertThat(page.statusCode()).isEqualTo(200);
        String schoolName = jdbc.queryForObject("select name from organisation where id = ?", String.class,
                scenario.mine().organisationId());
        assertThat(page.body()).contains("Alerts not read in time", schoolName, "Still not opened")
                .doesNotContain(scenario.mine().childName());
        // and each kind in people's words: "School", "GP" (never "Gp")
        assertThat(page.body()).contains("data-label=\"Kind\">School<", "data-label=\"Kind\">GP<")
                .doesNotContain(">Gp<");
        assertThat(http.get("/inbox").body()).contains("href=\"/inbox/breaches\"");
    }

    @Test
    void theLocalAuthoritysEducationSafeguardingLeadSeesThePageToo() {
        String lead = DemoSignIns.list().stream()
                .filter(s -> s.role() == uk.safeguarding.notification.shared.security.PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD)
                .findFirst().orElseThrow().email();

        http.signIn(lead, DemoSignIns.PASSWORD);

        assertThat(http.get("/inbox/breaches").statusCode()).isEqualTo(200);
    }

    @Test
    void aSchoolsKeyAdultGetsNotFoundAndNoLink() {
        // when the key adult of the school tries the page
        http.signIn(scenario.mine().email(), PASSWORD);
        HttpResponse<String> page = http.get("/inbox/breaches");

        // then it is the same not-found page as for an alert not theirs, and their inbox offers no link to it
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Alerts not read in time");
        assertThat(http.get("/inbox").body()).doesNotContain("/inbox/breaches");
    }
}
