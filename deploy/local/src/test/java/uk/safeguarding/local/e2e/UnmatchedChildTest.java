package uk.safeguarding.local.e2e;

import uk.safeguarding.testkit.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A child the directory does not know is never dropped: it goes to the local authority's working list. */
@ExtendWith(RunningServices.class)
class UnmatchedChildTest {

    @Test
    void aChildTheDirectoryDoesNotKnowLandsInUnresolvedOnTheTopicAndInTheApi() {
        Services services = RunningServices.services();
        // given a household the directory knows, and an incident that also names a child it does not know
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("UNKNOWN-CHILD")).build();
        incident.getChildren().add(SampleIncidents.child("Robin", "Nobodyknows" + household.tag.replaceAll("\\d", "x"),
                TestClock.bornYearsAgo(10, 8, 30)).build());

        try (AgencyTopics topics = new AgencyTopics()) {
            // when the force posts it
            assertThat(services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident))
                    .status()).isEqualTo(202);

            // then the unknown child is on the unresolved topic, with the reason
            List<ChildUnresolved> unresolved = topics.unresolved()
                    .await(1, u -> u.getIncidentId().equals(incident.getIncidentId()));
            assertThat(unresolved).singleElement().satisfies(u -> {
                assertThat(u.getGivenName()).isEqualTo("Robin");
                assertThat(u.getChildIndex()).isEqualTo(2);
                assertThat(u.getReason()).isEqualTo(UnresolvedReason.NO_MATCH);
                assertThat(u.getIncidentRevision()).isEqualTo(1);
            });
            // and the known children are still routed as usual
            topics.await(incident.getIncidentId(), 1, AgencyTopics.expectedForHousehold());
            AgencyTopics.awaitNotificationCaughtUp(services);
            assertThat(AgencyTopics.counts(topics.seen(incident.getIncidentId())))
                    .isEqualTo(AgencyTopics.expectedForHousehold());
            assertThat(topics.seen(incident.getIncidentId()).get(AgencyKind.SCHOOL)).isNotEmpty();
        }

        // and the unresolved API lists it for the local authority
        Http.Response listed = services.as(uk.safeguarding.notification.shared.security.PersonRole.UNRESOLVED_CASEWORKER)
                .get(services.notificationUrl("/api/v1/unresolved?incidentId="
                + incident.getIncidentId()));
        assertThat(listed.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        listed.body().forEach(rows::add);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.path("givenName").asText()).isEqualTo("Robin");
            assertThat(row.path("reason").asText()).isEqualTo("NO_MATCH");
            assertThat(row.path("policeReference").asText()).isEqualTo(incident.getPoliceReference());
        });
    }
}
