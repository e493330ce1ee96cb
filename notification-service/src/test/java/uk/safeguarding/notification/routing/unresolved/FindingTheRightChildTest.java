package uk.safeguarding.notification.routing.unresolved;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.MatchOutcome;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.calendar.SchoolCalendars;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5, "finding the right child", through Kafka and the API: a misspelled child is matched and routed with its
 * reasons; twins the police cannot tell apart go to the working list; a person resolves one through the API and the
 * incident is routed for that child at once, with the original deadline, once.
 */
class FindingTheRightChildTest extends IntegrationTestSupport {

    @Autowired
    SchoolCalendars calendars;

    private TopicProbe<AgencyAlert> school;
    private TopicProbe<ChildUnresolved> unresolved;
    private TestDirectory dir;
    private String token;

    @BeforeEach
    void probes() {
        school = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
        unresolved = TopicProbe.on(Topics.UNRESOLVED);
        token = unique();
        dir = TestDirectory.create(token);
    }

    @AfterEach
    void close() {
        school.close();
        unresolved.close();
    }

    /**
     * Every API call of these tests goes through here, signed in as the local authority's caseworker (the working
     * list) or its directory administrator (reading the directory).
     */
    private ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        PersonRole role = path.startsWith("/api/v1/directory") ? PersonRole.DIRECTORY_ADMIN
                : PersonRole.UNRESOLVED_CASEWORKER;
        return api(role).exchange(path, method, new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
        });
    }

    /** Who the resolution records: the signed-in caseworker, whatever a request body might claim. */
    private String caseworkerId() {
        return jdbc.queryForObject("select id from person where email = ?", String.class,
                apiAccount(DemoDirectory.LOCAL_AUTHORITY, PersonRole.UNRESOLVED_CASEWORKER));
    }

    private ResponseEntity<List<Map<String, Object>>> callForList(String path) {
        return api(PersonRole.UNRESOLVED_CASEWORKER).exchange(path, HttpMethod.GET, new HttpEntity<>(null, new HttpHeaders()),
                new ParameterizedTypeReference<>() {
                });
    }

    /** Reported two hours ago, on whatever day the tests run. */
    private static final Instant REPORTED = TestClock.now().minus(Duration.ofHours(2));

    private IncidentReported incident(List<uk.safeguarding.avro.IncidentChild> children, Instant reportedAt) {
        return SampleIncidents.incident("TST", "REF-" + unique()).setChildren(new ArrayList<>(children))
                .setOccurredAt(reportedAt.minusSeconds(3600)).setReportedAt(reportedAt).build();
    }

    @Test
    void aMisspelledChildWithDayAndMonthSwappedIsRoutedFlaggedForReviewWithTheReasons() {
        // given John Smith (invented) in the directory
        String family = familyName("Smith");
        String childId = "T-CH-JS-" + token;
        LocalDate born = TestClock.bornYearsAgo(10, 4, 9);
        LocalDate swapped = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild(childId, "John", family, born, null)), null, null));

        // when police report "Jon Smyth..." born on the 4th of September instead of the 9th of April
        String misspelled = "Smyth" + family.substring("Smith".length());
        IncidentReported incident = incident(List.of(SampleIncidents.child("Jon", misspelled, swapped)
                .setPostcode("EX1 1AA").build()), REPORTED);
        produce(incident);

        // then the school is alerted for the directory child, saying how it was matched
        AgencyAlert alert = school.await(1, a -> a.getIncidentId().equals(incident.getIncidentId())).get(0);
        assertThat(alert.getChild().getChildId()).isEqualTo(childId);
        assertThat(alert.getChild().getGivenName()).isEqualTo("John");
        // a date of birth that agrees only with day and month swapped is never a plain match: used, and flagged for review
        assertThat(alert.getMatch().getOutcome()).isEqualTo(MatchOutcome.REVIEW);
        assertThat(alert.getMatch().getReasons()).contains("given name is a known variant (short form) of the directory's",
                "family name within a typo", "date of birth with day and month swapped", "postcode matches");
        assertThat(String.join(" ", alert.getMatch().getReasons())).doesNotContain("Jon", "John", "Smyth", family);
        assertThat(ledgerRows(incident.getIncidentId())).isGreaterThanOrEqualTo(1);
    }

    private record Twins(String first, String second, String family, IncidentReported incident) {
    }

    /** Twins Alexander and Alexandra in the directory; police report "Alex" with their date of birth and postcode. */
    private Twins twinsReportedAsAlex(Instant reportedAt) {
        String family = familyName("Twin");
        String first = "T-CH-T1-" + token;
        String second = "T-CH-T2-" + token;
        LocalDate born = TestClock.bornYearsAgo(11, 6, 21);
        given(new DirectoryDocument(dir.organisations(), List.of(
                dir.schoolChild(first, "Alexander", family, born, null),
                dir.schoolChild(second, "Alexandra", family, born, null)), null, null));
        IncidentReported incident = incident(List.of(
                SampleIncidents.child("Alex", family, born).setPostcode("EX1 1AA").build()), reportedAt);
        produce(incident);
        return new Twins(first, second, family, incident);
    }

    @Test
    void twinsThePoliceCannotTellApartGoToTheWorkingListAsAmbiguous() {
        // when
        Twins twins = twinsReportedAsAlex(REPORTED);

        // then nobody is picked: the child is on the unresolved topic and the working list, with the reasons
        ChildUnresolved child = unresolved.await(1, u -> u.getIncidentId().equals(twins.incident().getIncidentId())).get(0);
        assertThat(child.getReason()).isEqualTo(UnresolvedReason.AMBIGUOUS_MATCH);
        assertThat(child.getBestScore()).isGreaterThanOrEqualTo(80);
        assertThat(child.getMatchReasons()).anyMatch(r -> r.startsWith("ambiguous: 2 candidates"));
        assertThat(child.getPostcode()).isEqualTo("EX1 1AA");
        awaitAllIncidentsProcessed();
        assertThat(school.matching(a -> a.getIncidentId().equals(twins.incident().getIncidentId()))).isEmpty();

        List<Map<String, Object>> open = callForList("/api/v1/unresolved?status=open&incidentId="
                + twins.incident().getIncidentId()).getBody();
        assertThat(open).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("reason", "AMBIGUOUS_MATCH").containsEntry("status", "OPEN")
                    .containsEntry("givenName", "Alex").containsEntry("postcode", "EX1 1AA")
                    .containsEntry("policeReference", twins.incident().getPoliceReference());
            assertThat(row.get("dueBy")).isNotNull();
        });
    }

    @Test
    void aPersonResolvesTheChildThroughTheApiAndItIsRoutedAtOnceWithTheOriginalDeadlineOnce() {
        // given twins on the working list from an incident received two weeks ago
        Instant received = TestClock.now().minus(Duration.ofDays(14));
        Twins twins = twinsReportedAsAlex(received);
        String incidentId = twins.incident().getIncidentId();
        ChildUnresolved waiting = unresolved.await(1, u -> u.getIncidentId().equals(incidentId)).get(0);
        awaitAllIncidentsProcessed();
        long id = ((Number) callForList("/api/v1/unresolved?status=open&incidentId=" + incidentId).getBody()
                .get(0).get("id")).longValue();

        // when a person reads it, searches the directory and picks Alexandra
        Map<String, Object> details = call(HttpMethod.GET, "/api/v1/unresolved/" + id, null).getBody();
        List<Map<String, Object>> candidates = callForList("/api/v1/unresolved/" + id + "/candidates?q="
                + twins.family()).getBody();
        ResponseEntity<Map<String, Object>> resolved = call(HttpMethod.POST, "/api/v1/unresolved/" + id + "/resolution",
                Map.of("childId", twins.second()));

        // then the details are the police's, both twins are offered with scores and reasons
        assertThat(details).containsEntry("familyName", twins.family()).containsEntry("dateOfBirth", TestClock.bornYearsAgo(11, 6, 21).toString())
                .containsEntry("incidentId", incidentId);
        assertThat(candidates).extracting(c -> c.get("childId")).contains(twins.first(), twins.second());
        assertThat(candidates).allSatisfy(c -> {
            assertThat(c.get("score")).isNotNull();
            assertThat((List<?>) c.get("reasons")).isNotEmpty();
        });
        // the school is alerted for Alexandra at once, due by the deadline of the original receipt, confirmed by a person
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        AgencyAlert alert = school.await(1, a -> a.getIncidentId().equals(incidentId)).get(0);
        assertThat(alert.getChild().getChildId()).isEqualTo(twins.second());
        assertThat(alert.getMatch().getOutcome()).isEqualTo(MatchOutcome.CONFIRMED_BY_PERSON);
        // the child's position in the police's list is the one it had on the working list (the force's outcome)
        assertThat(alert.getChildIndex()).isEqualTo(waiting.getChildIndex());
        assertThat(alert.getMatch().getScore()).isEqualTo(100);
        assertThat(alert.getMatch().getReasons()).containsExactly("confirmed by a person");
        // and through the same pipeline as live routing: the family's history is on it, as on any alert
        assertThat(alert.getFamilyHistory()).isNotNull();
        assertThat(alert.getDueBy()).isEqualTo(calendars.deadlinesFor(List.of(dir.school()))
                .dueBy(AgencyKind.SCHOOL, dir.school(), received)).isBefore(alert.getRoutedAt());
        assertThat(call(HttpMethod.GET, "/api/v1/unresolved/" + id, null).getBody())
                .containsEntry("status", "RESOLVED").containsEntry("resolvedChildId", twins.second())
                .containsEntry("resolvedBy", caseworkerId()).containsEntry("resolution", "EXISTING_CHILD");
        int ledger = ledgerRows(incidentId);
        assertThat(ledger).isGreaterThanOrEqualTo(2); // school, nurse, GP

        // when resolved again (another person, the other twin)
        ResponseEntity<Map<String, Object>> again = call(HttpMethod.POST, "/api/v1/unresolved/" + id + "/resolution",
                Map.of("childId", twins.first()));

        // then refused, nothing more recorded, nothing more published: a later alert to the same school (same
        // partition, later offset) arrives with no second alert for the incident before it
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ledgerRows(incidentId)).isEqualTo(ledger);
        String markerChild = "T-CH-MK-" + token;
        String markerFamily = familyName("Marker");
        given(new DirectoryDocument(null, List.of(dir.schoolChild(markerChild, "Ottoline", markerFamily,
                TestClock.bornYearsAgo(12, 1, 30), null)), null, null));
        IncidentReported marker = incident(List.of(SampleIncidents.child("Ottoline", markerFamily,
                TestClock.bornYearsAgo(12, 1, 30)).build()), REPORTED);
        produce(marker);
        school.await(1, a -> a.getIncidentId().equals(marker.getIncidentId()));
        assertThat(school.matching(a -> a.getIncidentId().equals(incidentId))).hasSize(1);
    }

    @Test
    void aChildTheDirectoryDoesNotKnowIsResolvedByCreatingItAndIsRoutedToItsSchool() {
        // given a child nobody in the directory resembles
        given(new DirectoryDocument(dir.organisations(), null, null, null));
        String family = familyName("Newcombe");
        String given = familyName("Perpetua"); // unique too: other tests' children share given names and birthdays
        IncidentReported incident = incident(List.of(SampleIncidents.child(given, family,
                TestClock.bornYearsAgo(9, 3, 14)).build()), REPORTED);
        produce(incident);
        unresolved.await(1, u -> u.getIncidentId().equals(incident.getIncidentId())
                && u.getReason() == UnresolvedReason.NO_MATCH);
        awaitAllIncidentsProcessed();
        long id = ((Number) callForList("/api/v1/unresolved?status=open&incidentId=" + incident.getIncidentId())
                .getBody().get(0).get("id")).longValue();

        // when a person creates the child with its school
        String newId = "T-CH-NEW-" + token;
        ResponseEntity<Map<String, Object>> resolved = call(HttpMethod.POST, "/api/v1/unresolved/" + id + "/resolution",
                Map.of("newChild", Map.of("id", newId, "givenName", given, "familyName", family,
                        "dateOfBirth", TestClock.bornYearsAgo(9, 3, 14).toString(), "postcode", "EX1 1AA", "schoolId", dir.school(),
                        "gpPracticeId", dir.gp())));

        // then the child is in the directory and its school is alerted
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.GET, "/api/v1/directory/children/" + newId, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        AgencyAlert alert = school.await(1, a -> a.getIncidentId().equals(incident.getIncidentId())).get(0);
        assertThat(alert.getChild().getChildId()).isEqualTo(newId);
        assertThat(alert.getRecipient().getOrganisationId()).isEqualTo(dir.school());
        assertThat(call(HttpMethod.GET, "/api/v1/unresolved/" + id, null).getBody())
                .containsEntry("resolution", "NEW_CHILD");
    }

    @Test
    void aResolutionNamingNoChildOrAnUnknownOneIsRefusedAndChangesNothing() {
        // given
        given(new DirectoryDocument(dir.organisations(), null, null, null));
        IncidentReported incident = incident(List.of(SampleIncidents.child("Hildegard", familyName("Nobody"),
                TestClock.bornYearsAgo(13, 8, 8)).build()), REPORTED);
        produce(incident);
        unresolved.await(1, u -> u.getIncidentId().equals(incident.getIncidentId()));
        awaitAllIncidentsProcessed();
        long id = ((Number) callForList("/api/v1/unresolved?status=open&incidentId=" + incident.getIncidentId())
                .getBody().get(0).get("id")).longValue();

        // when / then
        assertThat(call(HttpMethod.POST, "/api/v1/unresolved/" + id + "/resolution", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call(HttpMethod.POST, "/api/v1/unresolved/" + id + "/resolution",
                Map.of("childId", "NO-SUCH-" + token)).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(call(HttpMethod.POST, "/api/v1/unresolved/999999999/resolution",
                Map.of("childId", "NO-SUCH-" + token)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        given(new DirectoryDocument(null, List.of(dir.schoolChild("T-CH-EX-" + token, "Existing", familyName("Child"),
                TestClock.bornYearsAgo(14, 2, 2), null)), null, null));
        assertThat(call(HttpMethod.POST, "/api/v1/unresolved/" + id + "/resolution",
                Map.of("newChild", Map.of("id", "T-CH-EX-" + token, "givenName", "Hildegard", "familyName", "Overwrite",
                        "dateOfBirth", TestClock.bornYearsAgo(13, 8, 8).toString(), "schoolId", dir.school()))).getStatusCode())
                .as("creating never overwrites a directory child").isEqualTo(HttpStatus.CONFLICT);
        assertThat(call(HttpMethod.GET, "/api/v1/directory/children/T-CH-EX-" + token, null).getBody())
                .containsEntry("givenName", "Existing");
        assertThat(call(HttpMethod.GET, "/api/v1/unresolved/" + id, null).getBody()).containsEntry("status", "OPEN");
        assertThat(ledgerRows(incident.getIncidentId())).isZero();
    }
}
