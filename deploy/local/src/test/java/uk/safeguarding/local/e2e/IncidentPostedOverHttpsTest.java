package uk.safeguarding.local.e2e;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.local.IncidentJson;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.local.e2e.AgencyTopics.awaitNotificationCaughtUp;
import static uk.safeguarding.local.e2e.AgencyTopics.counts;
import static uk.safeguarding.local.e2e.AgencyTopics.expectedForHousehold;
import static uk.safeguarding.local.e2e.AgencyTopics.expectedRouting;
import static uk.safeguarding.local.e2e.AgencyTopics.routing;

/** A police force posts an incident to incident-ingest; notification-service routes it to every agency topic. */
class IncidentPostedOverHttpsTest extends AgencyTopicsTest {

    @Test
    void anIncidentPostedOverHttpsYieldsExactlyTheExpectedAlertsOnEachAgencyTopicAndInTheLedger() {
        // given a household with a pupil, a toddler and a suspect supervised by probation
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("HTTP")).build();

        // when a force posts an incident naming them
        Http.Response receipt = post(incident);

        // then it is accepted under the platform's incident id
        assertThat(receipt.status()).isEqualTo(202);
        assertThat(receipt.body().path("incidentId").asText()).isEqualTo(incident.getIncidentId());
        // and each agency topic carries exactly the expected alerts
        topics.await(incident.getIncidentId(), 1, expectedForHousehold());
        awaitNotificationCaughtUp(services);
        Map<AgencyKind, List<AgencyAlert>> alerts = topics.seen(incident.getIncidentId());
        assertThat(counts(alerts)).isEqualTo(expectedForHousehold());
        assertThat(routing(alerts)).isEqualTo(expectedRouting(household));
        // and each alert is keyed by, and addressed to, its recipient with what that recipient may be told
        AgencyAlert school = alerts.get(AgencyKind.SCHOOL).get(0);
        assertThat(school.getPoliceReference()).isEqualTo(incident.getPoliceReference());
        assertThat(school.getChild().getChildId()).isEqualTo(household.pupil.id());
        assertThat(school.getDisclosed().getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(school.getDisclosed().getCircumstances()).as("schools are not told the circumstances").isNull();
        assertThat(alerts.get(AgencyKind.PROBATION)).allSatisfy(a -> {
            assertThat(a.getDisclosed().getSupervisedAdult().getCaseReference()).isEqualTo(household.suspect.probationCaseReference());
            assertThat(a.getDisclosed().getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        });
        // and the ledger records the same alerts
        assertThat(ledger(incident.getIncidentId())).isEqualTo(alertIds(alerts));
        assertThat(services.notificationDb().queryForList(
                "select topic from alert_ledger where incident_id = ? and recipient_org_id = ?", String.class,
                incident.getIncidentId(), household.schoolId)).containsExactly("alerts.school");
    }

    @Test
    void postingTheSameRevisionAgainYieldsNoFurtherAlerts() {
        // given an incident posted and routed
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("AGAIN")).build();
        assertThat(post(incident).status()).isEqualTo(202);
        topics.await(incident.getIncidentId(), 1, expectedForHousehold());

        // when the force posts the very same revision again
        Http.Response again = post(incident);

        // then it is acknowledged as already accepted
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        // and, once notification-service has caught up, no recipient has a second alert
        awaitNotificationCaughtUp(services);
        Map<AgencyKind, List<AgencyAlert>> alerts = topics.seen(incident.getIncidentId());
        assertThat(counts(alerts)).isEqualTo(expectedForHousehold());
        assertThat(ledger(incident.getIncidentId())).hasSize(6);
    }

    @Test
    void aNewRevisionYieldsUpdatedAlertsForRevisionTwo() {
        // given revision 1 posted and routed
        TestHousehold household = TestHousehold.create(services);
        IncidentReported revision1 = household.incident(household.reference("REV")).build();
        assertThat(post(revision1).status()).isEqualTo(202);
        Map<AgencyKind, List<AgencyAlert>> first = topics.await(revision1.getIncidentId(), 1, expectedForHousehold());

        // when the force posts revision 2: the risk is now high and the pupil said more
        IncidentReported revision2 = IncidentReported.newBuilder(revision1).setRevision(2)
                .setReportedAt(revision1.getReportedAt().plusSeconds(3600))
                .setRiskLevel(RiskLevel.HIGH)
                .build();
        revision2.getChildren().get(0).setVoiceOfChild("Mum was crying and I called my nan");
        Http.Response receipt = post(revision2);

        // then the same incident id is updated
        assertThat(receipt.status()).isEqualTo(202);
        assertThat(receipt.body().path("incidentId").asText()).isEqualTo(revision1.getIncidentId());
        assertThat(receipt.body().path("revision").asInt()).isEqualTo(2);
        // and every recipient gets an alert for revision 2 with the new content and a new alert id
        Map<AgencyKind, List<AgencyAlert>> second = topics.await(revision1.getIncidentId(), 2, expectedForHousehold());
        awaitNotificationCaughtUp(services);
        assertThat(counts(second)).isEqualTo(expectedForHousehold());
        assertThat(routing(second)).isEqualTo(expectedRouting(household));
        assertThat(second.get(AgencyKind.SCHOOL).get(0).getDisclosed().getVoiceOfChild())
                .isEqualTo("Mum was crying and I called my nan");
        assertThat(second.get(AgencyKind.GP)).allSatisfy(a ->
                assertThat(a.getDisclosed().getRiskLevel()).isEqualTo(RiskLevel.HIGH));
        Set<String> firstIds = alertIds(first);
        assertThat(alertIds(second)).doesNotContainAnyElementsOf(firstIds);
        // and nothing more arrived for revision 1
        assertThat(counts(topics.seen(a -> a.getIncidentId().equals(revision1.getIncidentId())
                && a.getIncidentRevision() == 1))).isEqualTo(expectedForHousehold());
        assertThat(ledger(revision1.getIncidentId())).hasSize(12);
    }

    private Http.Response post(IncidentReported incident) {
        return services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident));
    }

    private Set<String> ledger(String incidentId) {
        return new HashSet<>(services.notificationDb().queryForList(
                "select alert_id::text from alert_ledger where incident_id = ?", String.class, incidentId));
    }

    static Set<String> alertIds(Map<AgencyKind, List<AgencyAlert>> alerts) {
        return alerts.values().stream().flatMap(List::stream).map(AgencyAlert::getAlertId).collect(Collectors.toSet());
    }
}
