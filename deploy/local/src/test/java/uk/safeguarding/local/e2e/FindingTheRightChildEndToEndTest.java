package uk.safeguarding.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.MatchOutcome;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 on the real stack, incidents posted to incident-ingest over HTTP: a misspelled child is matched and routed;
 * twins the police cannot tell apart go to the working list, a person resolves the child through the API, and the
 * incident is then routed for that child with its original deadline.
 */
@ExtendWith(RunningServices.class)
class FindingTheRightChildEndToEndTest {

    private final Services services = RunningServices.services();

    /** Every incident of these tests is posted here (the place to add the force's token once ingest requires it). */
    private Http.Response postIncident(IncidentReported incident) {
        return services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident));
    }

    /** Every call to notification-service's API goes through here (the place to add credentials later). */
    private Http.Response notificationApi(String method, String path, Object body) {
        String url = services.notificationUrl(path);
        // the directory administrator may both import children and work the unresolved list
        Http admin = services.as(uk.safeguarding.notification.shared.security.PersonRole.DIRECTORY_ADMIN);
        return "POST".equals(method) ? admin.post(url, body) : admin.get(url);
    }

    @Test
    void aMisspelledChildWithDayAndMonthSwappedIsMatchedAndRouted() {
        // given John Smith... (invented, unique to this test) at the household's school
        TestHousehold household = TestHousehold.create(services);
        String letters = household.pupil.familyName().substring("Quillon".length());
        DirectoryDocument.Child john = new DirectoryDocument.Child("E2E-JS-" + household.tag, "John", "Smith" + letters,
                LocalDate.of(2016, 4, 9), "EX1 1AA", List.of(), household.schoolId, household.gpId, null);
        assertThat(notificationApi("POST", "/api/v1/directory/import",
                new DirectoryDocument(null, List.of(john), null, null)).status()).isEqualTo(200);
        // and police report "Jon Smyth...", born 4 September instead of 9 April, with no identifier
        IncidentReported incident = household.incident(household.reference("MISSPELLED")).build();
        incident.setChildren(new ArrayList<>(List.of(SampleIncidents.child("Jon", "Smyth" + letters,
                LocalDate.of(2016, 9, 4)).setPostcode("ex1 1aa").build())));

        try (AgencyTopics topics = new AgencyTopics()) {
            // when
            assertThat(postIncident(incident).status()).isEqualTo(202);

            // then John's school is alerted for the directory child, with how it was matched
            Map<AgencyKind, List<AgencyAlert>> alerts = topics.await(incident.getIncidentId(), 1,
                    Map.of(AgencyKind.SCHOOL, 1, AgencyKind.SCHOOL_NURSE, 1, AgencyKind.GP, 1));
            AgencyAlert school = alerts.get(AgencyKind.SCHOOL).get(0);
            assertThat(school.getRecipient().getOrganisationId()).isEqualTo(household.schoolId);
            assertThat(school.getChild().getChildId()).isEqualTo(john.id());
            assertThat(school.getChild().getFamilyName()).isEqualTo(john.familyName());
            assertThat(school.getMatch().getOutcome()).isIn(MatchOutcome.MATCHED, MatchOutcome.REVIEW);
            assertThat(school.getMatch().getReasons()).contains("family name within a typo",
                    "date of birth with day and month swapped");
            assertThat(topics.unresolved().matching(u -> u.getIncidentId().equals(incident.getIncidentId()))).isEmpty();
        }
    }

    @Test
    void anAmbiguousChildGoesToTheWorkingListIsResolvedThroughTheApiAndIsThenRouted() {
        // given twins Alexander and Alexandra at the household's school
        TestHousehold household = TestHousehold.create(services);
        String family = "Twin" + household.pupil.familyName();
        LocalDate born = LocalDate.of(2015, 6, 21);
        DirectoryDocument.Child alexander = new DirectoryDocument.Child("E2E-TW-" + household.tag + "-1", "Alexander",
                family, born, "EX1 1AA", List.of(), household.schoolId, household.gpId, null);
        DirectoryDocument.Child alexandra = new DirectoryDocument.Child("E2E-TW-" + household.tag + "-2", "Alexandra",
                family, born, "EX1 1AA", List.of(), household.schoolId, household.gpId, null);
        assertThat(notificationApi("POST", "/api/v1/directory/import",
                new DirectoryDocument(null, List.of(alexander, alexandra), null, null)).status()).isEqualTo(200);
        // and an incident received on Monday 2 November naming "Alex"
        Instant received = Instant.parse("2026-11-02T10:00:00Z");
        IncidentReported incident = household.incident(household.reference("TWINS")).setOccurredAt(received.minusSeconds(3600))
                .setReportedAt(received).setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Alex", family, born).setPostcode("EX1 1AA").build()))).build();

        try (AgencyTopics topics = new AgencyTopics()) {
            // when
            assertThat(postIncident(incident).status()).isEqualTo(202);

            // then nobody is picked: the child is on the unresolved topic as ambiguous
            ChildUnresolved child = topics.unresolved().await(1, u -> u.getIncidentId().equals(incident.getIncidentId()))
                    .get(0);
            assertThat(child.getReason()).isEqualTo(UnresolvedReason.AMBIGUOUS_MATCH);
            AgencyTopics.awaitNotificationCaughtUp(services);
            assertThat(topics.seen(incident.getIncidentId()).get(AgencyKind.SCHOOL)).isEmpty();

            // when the local authority finds it on the working list, searches, and resolves it to Alexandra
            Http.Response open = notificationApi("GET", "/api/v1/unresolved?status=open&incidentId="
                    + incident.getIncidentId(), null);
            assertThat(open.status()).isEqualTo(200);
            JsonNode row = open.body().get(0);
            long id = row.path("id").asLong();
            assertThat(row.path("reason").asText()).isEqualTo("AMBIGUOUS_MATCH");
            Http.Response candidates = notificationApi("GET", "/api/v1/unresolved/" + id + "/candidates?q=Alexandra", null);
            assertThat(candidates.status()).isEqualTo(200);
            assertThat(candidates.body().get(0).path("childId").asText()).isEqualTo(alexandra.id());
            Http.Response resolved = notificationApi("POST", "/api/v1/unresolved/" + id + "/resolution",
                    Map.of("childId", alexandra.id()));

            // then Alexandra's school and GP are alerted at once, due by the original deadline, confirmed by a person
            assertThat(resolved.status()).isEqualTo(200);
            Map<AgencyKind, List<AgencyAlert>> alerts = topics.await(incident.getIncidentId(), 1,
                    Map.of(AgencyKind.SCHOOL, 1, AgencyKind.GP, 1));
            AgencyAlert school = alerts.get(AgencyKind.SCHOOL).get(0);
            assertThat(school.getChild().getChildId()).isEqualTo(alexandra.id());
            assertThat(school.getMatch().getOutcome()).isEqualTo(MatchOutcome.CONFIRMED_BY_PERSON);
            assertThat(school.getDueBy()).isAfter(received).isBefore(received.plusSeconds(7 * 86_400));
            assertThat(notificationApi("GET", "/api/v1/unresolved/" + id, null).body().path("status").asText())
                    .isEqualTo("RESOLVED");

            // and resolving it again is refused
            assertThat(notificationApi("POST", "/api/v1/unresolved/" + id + "/resolution",
                    Map.of("childId", alexander.id())).status()).isEqualTo(409);
        }
    }
}
