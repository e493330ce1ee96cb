package uk.safeguarding.notification.routing.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import uk.safeguarding.notification.shared.security.PersonRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarApiTest extends IntegrationTestSupport {

    @Autowired
    private MeterRegistry meters;

    TestRestTemplate http;

    @BeforeEach
    void signedInAsDirectoryAdmin() {
        http = api(PersonRole.DIRECTORY_ADMIN);
    }

    private ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1/calendars" + path, method, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<>() {
                });
    }

    private ResponseEntity<List<Map<String, Object>>> bankHolidays(String query) {
        return http.exchange("/api/v1/calendars/bank-holidays" + query, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {
                });
    }

    @SuppressWarnings("unchecked")
    private static List<String> badFields(ResponseEntity<Map<String, Object>> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private TestDirectory givenTheTestDirectory() {
        TestDirectory dir = TestDirectory.create(unique());
        given(new DirectoryDocument(dir.organisations(), List.of(), List.of(), List.of()));
        return dir;
    }

    @Test
    void aSchoolWithoutACalendarOfItsOwnShowsTheAreasDefaultTermDates() {
        TestDirectory dir = givenTheTestDirectory();

        ResponseEntity<Map<String, Object>> calendar = send(HttpMethod.GET, "/schools/" + dir.school(), null);

        assertThat(calendar.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calendar.getBody()).containsEntry("organisationId", dir.school())
                .containsEntry("source", "AREA_DEFAULT").containsEntry("dayStartsAt", "08:30");
        assertThat((List<?>) calendar.getBody().get("terms")).hasSize(12).first()
                .isEqualTo(Map.of("name", "Autumn 2025, first half", "start", "2025-09-03", "end", "2025-10-24"));
        assertThat(send(HttpMethod.GET, "/default", null).getBody().get("terms"))
                .isEqualTo(calendar.getBody().get("terms"));
    }

    @Test
    void aClosureOnTheMondayPutThroughTheApiMovesTheSchoolsAndItsNursesDeadlineToTuesday() {
        // given a pupil, and the school's own calendar with a training day on Monday 16 November 2026
        TestDirectory dir = TestDirectory.create(unique());
        String family = familyName("Thistlewood");
        DeadlineRoutingTest.givenAPupil(directory, dir, family);
        Map<String, Object> body = Map.of("dayStartsAt", "08:40",
                "terms", List.of(Map.of("name", "Autumn 2026", "start", "2026-09-02", "end", "2026-12-18")),
                "closures", List.of(Map.of("date", "2026-11-16", "reason", "INSET day")));

        // when
        ResponseEntity<Map<String, Object>> put = send(HttpMethod.PUT, "/schools/" + dir.school(), body);
        IncidentReported incident = DeadlineRoutingTest.pupilIncident(dir, family, DeadlineRoutingTest.FRIDAY_EVENING);
        try (TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
             TopicProbe<AgencyAlert> nurses = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL_NURSE));
             TopicProbe<AgencyAlert> gps = TopicProbe.on(Topics.alerts(AgencyKind.GP))) {
            produce(incident);

            // then the school and its nurse are due on Tuesday at the school's own start; the GP is not moved
            String id = incident.getIncidentId();
            assertThat(schools.await(1, a -> a.getIncidentId().equals(id)).get(0).getDueBy())
                    .isEqualTo(Instant.parse("2026-11-17T08:40:00Z"));
            assertThat(nurses.await(1, a -> a.getIncidentId().equals(id)).get(0).getDueBy())
                    .isEqualTo(Instant.parse("2026-11-17T08:40:00Z"));
            assertThat(gps.await(1, a -> a.getIncidentId().equals(id)).get(0).getDueBy())
                    .isEqualTo(Instant.parse("2026-11-16T13:00:00Z"));
        }
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.GET, "/schools/" + dir.school(), null).getBody())
                .containsEntry("source", "SCHOOL").containsEntry("dayStartsAt", "08:40")
                .containsEntry("closures", List.of(Map.of("date", "2026-11-16", "reason", "INSET day")));
    }

    @Test
    void aCalendarPutAgainIsReplacedAndOneDeletedFollowsTheAreaAgain() {
        TestDirectory dir = givenTheTestDirectory();
        String path = "/schools/" + dir.school();
        send(HttpMethod.PUT, path, Map.of(
                "terms", List.of(Map.of("name", "A", "start", "2026-09-02", "end", "2026-10-23")),
                "closures", List.of(Map.of("date", "2026-09-14", "reason", "INSET day"))));

        ResponseEntity<Map<String, Object>> replaced = send(HttpMethod.PUT, path, Map.of("closures",
                List.of(Map.of("date", "2026-09-15", "reason", "Polling station"))));

        assertThat(replaced.getBody()).containsEntry("dayStartsAt", "08:30").containsEntry("terms", List.of())
                .containsEntry("closures", List.of(Map.of("date", "2026-09-15", "reason", "Polling station")));
        assertThat(send(HttpMethod.GET, path, null).getBody()).isEqualTo(replaced.getBody());
        assertThat(send(HttpMethod.DELETE, path, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send(HttpMethod.GET, path, null).getBody()).containsEntry("source", "AREA_DEFAULT");
    }

    @Test
    void invalidCalendarsAreRefusedWithProblemJsonNamingEveryBadField() {
        TestDirectory dir = givenTheTestDirectory();
        Map<String, Object> body = Map.of("dayStartsAt", "25:00",
                "terms", List.of(Map.of("name", "Autumn", "start", "2026-09-02", "end", "2026-07-01"),
                        Map.of("start", "not a date", "end", "2026-12-18")),
                "closures", List.of(Map.of("date", "2026-09-14")));

        ResponseEntity<Map<String, Object>> invalid = send(HttpMethod.PUT, "/schools/" + dir.school(), body);

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badFields(invalid)).containsExactly("dayStartsAt", "terms[0].end", "terms[1].name",
                "terms[1].start", "closures[0].reason");
        assertThat(send(HttpMethod.GET, "/schools/" + dir.school(), null).getBody())
                .containsEntry("source", "AREA_DEFAULT");
    }

    @Test
    void anIdThatIsNotASchoolInTheDirectoryIsNotFound() {
        TestDirectory dir = givenTheTestDirectory();
        Map<String, Object> body = Map.of("closures", List.of());

        assertThat(send(HttpMethod.GET, "/schools/NO-SUCH-" + unique(), null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> unknown = send(HttpMethod.PUT, "/schools/NO-SUCH-" + unique(), body);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(send(HttpMethod.PUT, "/schools/" + dir.gp(), body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theBankHolidaysAreListedAndAnAreaAddsAndRemovesAOneOff() {
        // the configured ones
        List<Map<String, Object>> in2026 = bankHolidays("?year=2026").getBody();
        assertThat(in2026).hasSize(8).contains(
                Map.of("date", "2026-12-28", "name", "Boxing Day", "source", "CONFIGURED"));

        // an area's one-off (a date no other test routes on)
        ResponseEntity<Map<String, Object>> added = send(HttpMethod.PUT, "/bank-holidays/2031-06-13",
                Map.of("name", "Area one-off holiday"));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
        // (2031 is after the published data: the regular holidays are listed beside it, from the rules)
        assertThat(bankHolidays("?year=2031").getBody()).filteredOn(h -> !"RULES".equals(h.get("source")))
                .containsExactly(Map.of("date", "2031-06-13", "name", "Area one-off holiday", "source", "AREA"));

        assertThat(send(HttpMethod.DELETE, "/bank-holidays/2031-06-13", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(bankHolidays("?year=2031").getBody()).extracting(h -> h.get("source")).containsOnly("RULES");
        assertThat(send(HttpMethod.DELETE, "/bank-holidays/2031-06-13", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.DELETE, "/bank-holidays/2026-12-25", null).getStatusCode())
                .as("a configured holiday is changed in its file").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aOneOffWithABadDateOrNoNameIsRefusedNamingBoth() {
        ResponseEntity<Map<String, Object>> invalid = send(HttpMethod.PUT, "/bank-holidays/2031-02-30", Map.of());

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(invalid)).containsExactly("date", "name");
    }

    @Test
    void theDaysOfCalendarDataLeftAreAMetricCountedOnThePlatformClock() {
        // given the shipped data: bank holidays published to the end of 2028, sample term dates to 31 August 2027
        LocalDate today = TestClock.today();
        // then each metric counts the days from the platform's today (negative once the data has ended)
        assertThat(meters.get("notification.calendar.data.remaining").tag("data", "bank-holidays").gauge().value())
                .isEqualTo(ChronoUnit.DAYS.between(today, LocalDate.of(2028, 12, 31)));
        assertThat(meters.get("notification.calendar.data.remaining").tag("data", "term-dates").gauge().value())
                .isEqualTo(ChronoUnit.DAYS.between(today, LocalDate.of(2027, 8, 31)));
    }

    @Test
    void aYearAfterThePublishedBankHolidaysIsListedByTheRegularRules() {
        // when the admin asks for the bank holidays of a year after the published file
        ResponseEntity<List<Map<String, String>>> response = api(PersonRole.DIRECTORY_ADMIN).exchange(
                "/api/v1/calendars/bank-holidays?year=2033", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        // then they are the eight the deadlines assume, each marked as coming from the rules
        assertThat(response.getBody()).hasSize(8).allSatisfy(h -> assertThat(h.get("source")).isEqualTo("RULES"))
                .extracting(h -> h.get("date")).contains("2033-04-15", "2033-04-18", "2033-12-26", "2033-12-27");
    }
}
