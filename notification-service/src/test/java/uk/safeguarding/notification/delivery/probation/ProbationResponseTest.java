package uk.safeguarding.notification.delivery.probation;

import uk.safeguarding.testkit.TestClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.delivery.dispatch.DeliveryTestSupport;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.delivery.dispatch.TestMailServer;
import uk.safeguarding.notification.routing.calendar.SchoolCalendars;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.router.ProbationQuestion;
import uk.safeguarding.notification.routing.directory.Relationship;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Probation is asked about the children: a supervised suspect brings ONE probation alert naming every child of the
 * household with a question; the answer is recorded once; an answer not given in time escalates to the unit's deputies
 * and is listed for operations. Time is moved by running the check at chosen instants (the shared context answers
 * within the default 5 working days, so the background check on the real clock leaves these alerts alone).
 */
class ProbationResponseTest extends DeliveryTestSupport {

    @Autowired
    private ProbationEscalations escalations;

    @Autowired
    private SchoolCalendars calendars;

    private TopicProbe<AgencyAlert> probation;

    @BeforeEach
    void openProbationProbe() {
        probation = TopicProbe.on(Topics.alerts(AgencyKind.PROBATION));
    }

    @AfterEach
    void closeProbationProbe() {
        probation.close();
    }

    /** A household of the test's own: a pupil and a toddler police will name, a sibling they will not, a suspect. */
    private record Household(TestDirectory dir, String family, String pupil, String toddler, String sibling,
                             String pnc) {
    }

    private Household givenASupervisedSuspectWithThreeChildrenAtHome() {
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String family = familyName("Fernhollow");
        Household h = new Household(dir, family, "T-CH-P-" + token, "T-CH-T-" + token, "T-CH-S-" + token,
                "27/" + token.substring(0, 7) + "P");
        String adult = "T-AD-" + token;
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild(h.pupil(), "Rosalind", family, LocalDate.of(2016, 6, 6), null),
                        dir.toddler(h.toddler(), "Tobias", family, TestClock.bornYearsAgo(2, 1, 9)),
                        dir.schoolChild(h.sibling(), "Saskia", family, LocalDate.of(2012, 2, 29), null)),
                List.of(dir.supervisedAdult(adult, "Gideon", family, LocalDate.of(1987, 7, 7), h.pnc())),
                List.of(new DirectoryDocument.HouseholdLink(h.pupil(), adult, Relationship.PARENT),
                        new DirectoryDocument.HouseholdLink(h.toddler(), adult, Relationship.PARENT),
                        new DirectoryDocument.HouseholdLink(h.sibling(), adult, Relationship.PARENT))));
        return h;
    }

    private IncidentReported incidentNamingPupilToddlerAndSuspect(Household h) {
        IncidentReported incident = SampleIncidents.incident("TST", "REF-" + unique())
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Gideon", h.family(), AdultRole.SUSPECT,
                        SampleIncidents.id(IdentifierScheme.PNC_ID, h.pnc())))))
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Rosalind", h.family(), LocalDate.of(2016, 6, 6)).build(),
                        SampleIncidents.child("Tobias", h.family(), TestClock.bornYearsAgo(2, 1, 9)).build())))
                .build();
        produce(incident);
        return incident;
    }

    private AgencyAlert awaitTheProbationAlert(IncidentReported incident) {
        AgencyAlert alert = probation.await(1, a -> a.getIncidentId().equals(incident.getIncidentId())).get(0);
        awaitDelivery(incident.getIncidentId(), alert.getRecipient().getOrganisationId());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from probation_response where alert_id = ?::uuid", Integer.class, alert.getAlertId()) == 1);
        return alert;
    }

    /**
     * Every call about an alert goes through here, signed in as the key adult of the organisation the alert is
     * addressed to (the probation unit), as the unit's own staff would call it.
     */
    private ResponseEntity<Map> api(HttpMethod method, String path, Object body) {
        String alertId = path.replaceFirst("^/api/v1/alerts/([^/]+)/.*$", "$1");
        // an alert that does not exist: asked by a probation unit's key adult
        String organisationId = jdbc.queryForObject("select coalesce((select recipient_org_id from alert_ledger"
                + " where alert_id::text = ?), (select id from organisation where kind = 'PROBATION' order by id limit 1))",
                String.class, alertId);
        return apiAs(organisationId, PersonRole.KEY_ADULT)
                .exchange(path, method, body == null ? null : new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> answer(String alertId, boolean considered, String actions) {
        return api(HttpMethod.POST, "/api/v1/alerts/" + alertId + "/response",
                Map.of("childrenConsidered", considered, "actions", actions));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> unanswered(String organisationId) {
        return (List<Map<String, Object>>) (List<?>) api(PersonRole.OPERATIONS).exchange("/api/v1/probation/unanswered?organisationId="
                + organisationId, HttpMethod.GET, null, List.class).getBody();
    }

    @Test
    void aSupervisedSuspectBringsOneProbationAlertNamingEveryChildOfTheHouseholdWithAQuestion() {
        // given a suspect supervised by probation, with three children at home
        Household h = givenASupervisedSuspectWithThreeChildrenAtHome();

        // when police report an incident naming two of the children and the suspect
        IncidentReported incident = incidentNamingPupilToddlerAndSuspect(h);

        // then the unit gets ONE alert, about the first child, naming the two named and the one at home
        AgencyAlert alert = awaitTheProbationAlert(incident);
        awaitAllIncidentsProcessed();
        assertThat(probation.matching(a -> a.getIncidentId().equals(incident.getIncidentId()))).hasSize(1);
        assertThat(alert.getRecipient().getOrganisationId()).isEqualTo(h.dir().probation());
        assertThat(alert.getChild().getChildId()).isEqualTo(h.pupil());
        assertThat(alert.getHouseholdChildren()).extracting(AlertChild::getChildId)
                .containsExactly(h.pupil(), h.toddler(), h.sibling());
        assertThat(alert.getHouseholdChildren()).extracting(AlertChild::getGivenName)
                .containsExactly("Rosalind", "Tobias", "Saskia");
        // and it asks the question, due at the close of the fifth working day after it was routed (the default)
        assertThat(alert.getResponse().getQuestion())
                .isEqualTo("Were the children's safeguarding needs considered, and what was done?");
        assertThat(alert.getResponse().getRespondBy()).isEqualTo(ProbationQuestion.respondBy(alert.getRoutedAt(), 5,
                calendars.deadlinesFor(List.of())));
        assertThat(ledgerRows(incident.getIncidentId())).as("school, nurse, GP x2, HV, one probation").isEqualTo(6);
    }

    @Test
    void theAnswerIsRecordedOnceAndAnAnsweredQuestionNeverEscalates() {
        // given a probation alert with its question
        Household h = givenASupervisedSuspectWithThreeChildrenAtHome();
        AgencyAlert alert = awaitTheProbationAlert(incidentNamingPupilToddlerAndSuspect(h));
        String deputy = "deputy-" + unique() + "@pdu.example";
        givenPerson(h.dir().probation(), PersonRole.DEPUTY, deputy);

        // when the unit answers
        ResponseEntity<Map> answered = answer(alert.getAlertId(), true,
                "Offender manager visited; the children were discussed and a referral made.");

        // then it is recorded, with when
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answered.getBody()).containsEntry("childrenConsidered", true)
                .containsEntry("actions", "Offender manager visited; the children were discussed and a referral made.");
        assertThat(answered.getBody().get("answeredAt")).isNotNull();
        assertThat(api(HttpMethod.GET, "/api/v1/alerts/" + alert.getAlertId() + "/response", null).getBody())
                .containsEntry("childrenConsidered", true);

        // and a second answer is refused, the first kept
        ResponseEntity<Map> again = answer(alert.getAlertId(), false, "Something else");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api(HttpMethod.GET, "/api/v1/alerts/" + alert.getAlertId() + "/response", null).getBody())
                .containsEntry("childrenConsidered", true);

        // and when the answer time passes, nothing escalates
        Instant respondBy = alert.getResponse().getRespondBy();
        escalations.processDue(respondBy.plusSeconds(1));
        assertThat(jdbc.queryForList("select state from delivery_event where alert_id = ?::uuid", String.class,
                alert.getAlertId())).doesNotContain("ESCALATED");
        assertThat(unanswered(h.dir().probation())).isEmpty();
        assertThat(TestMailServer.messagesTo(deputy)).isEmpty();
    }

    @Test
    void aChildResolvedLaterIsRoutedWithoutAskingTheProbationUnitASecondTime() {
        // given a supervised suspect's incident naming the pupil and a child police spelled beyond recognition
        Household h = givenASupervisedSuspectWithThreeChildrenAtHome();
        IncidentReported incident = SampleIncidents.incident("TST", "REF-" + unique())
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Gideon", h.family(), AdultRole.SUSPECT,
                        SampleIncidents.id(IdentifierScheme.PNC_ID, h.pnc())))))
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Rosalind", h.family(), LocalDate.of(2016, 6, 6)).build(),
                        SampleIncidents.child("Zebedee", familyName("Unknowable"), LocalDate.of(2012, 2, 29)).build())))
                .build();
        produce(incident);
        AgencyAlert first = awaitTheProbationAlert(incident);
        Long unresolvedId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id from unresolved_child where incident_id = ?", Long.class, incident.getIncidentId()),
                ids -> ids.size() == 1).get(0);

        // when the local authority's caseworker resolves that child as the sibling at home
        ResponseEntity<Map> resolved = api(PersonRole.UNRESOLVED_CASEWORKER).exchange(
                "/api/v1/unresolved/" + unresolvedId + "/resolution", HttpMethod.POST,
                new HttpEntity<>(Map.of("childId", h.sibling())), Map.class);

        // then the sibling's services are alerted, and the unit still has its one alert and one question
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from alert_ledger where incident_id = ? and child_id = ?",
                Integer.class, incident.getIncidentId(), h.sibling())).isPositive();
        assertThat(jdbc.queryForList("select alert_id::text from alert_ledger where incident_id = ?"
                + " and recipient_kind = 'PROBATION'", String.class, incident.getIncidentId()))
                .containsExactly(first.getAlertId());
        assertThat(jdbc.queryForObject("select count(*) from probation_response where incident_id = ?", Integer.class,
                incident.getIncidentId())).isEqualTo(1);
    }

    @Test
    void anotherOrganisationCanNeitherReadNorGiveTheAnswer() {
        // given a probation alert with its question, and the key adult of the children's school
        Household h = givenASupervisedSuspectWithThreeChildrenAtHome();
        AgencyAlert alert = awaitTheProbationAlert(incidentNamingPupilToddlerAndSuspect(h));
        String path = "/api/v1/alerts/" + alert.getAlertId() + "/response";

        // when the school tries to answer and to read the answer
        ResponseEntity<Map> posted = apiAs(h.dir().school(), PersonRole.KEY_ADULT).exchange(path, HttpMethod.POST,
                new HttpEntity<>(Map.of("childrenConsidered", false, "actions", "not ours to answer")), Map.class);
        ResponseEntity<String> read = apiAs(h.dir().school(), PersonRole.KEY_ADULT).getForEntity(path, String.class);

        // then both answer as if there were no such alert, and nothing is recorded
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(String.valueOf(read.getBody())).doesNotContain("Rosalind", h.family());
        assertThat(jdbc.queryForObject("select answered_at is null from probation_response where alert_id = ?::uuid",
                Boolean.class, alert.getAlertId())).isTrue();
    }

    @Test
    void anAnswerThatIsNotAValidAnswerIsRefusedWithTheFieldsNamed() {
        Household h = givenASupervisedSuspectWithThreeChildrenAtHome();
        AgencyAlert alert = awaitTheProbationAlert(incidentNamingPupilToddlerAndSuspect(h));

        ResponseEntity<Map> invalid = api(HttpMethod.POST, "/api/v1/alerts/" + alert.getAlertId() + "/response",
                Map.of("actions", " "));

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().toString()).contains("childrenConsidered", "actions");
        assertThat(answer(UUID.randomUUID().toString(), true, "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAnswerNotGivenInTimeEscalatesOnceToTheUnitsDeputiesAndIsListedForOperations() {
        // given a probation alert with its question, and a deputy at the unit
        Household h = givenASupervisedSuspectWithThreeChildrenAtHome();
        AgencyAlert alert = awaitTheProbationAlert(incidentNamingPupilToddlerAndSuspect(h));
        String deputy = "deputy-" + unique() + "@pdu.example";
        givenPerson(h.dir().probation(), PersonRole.DEPUTY, deputy);
        Instant respondBy = alert.getResponse().getRespondBy();
        UUID alertId = UUID.fromString(alert.getAlertId());

        // when the check runs just before the answer is due: nothing
        escalations.processDue(respondBy.minusSeconds(1));
        assertThat(unanswered(h.dir().probation())).isEmpty();

        // when it runs once the answer is overdue (twice: the second changes nothing)
        escalations.processDue(respondBy.plusSeconds(1));
        escalations.processDue(respondBy.plusSeconds(60));

        // then the alert is escalated once, on alerts.status
        assertThat(jdbc.queryForList("select state from delivery_event where alert_id = ? and state = 'ESCALATED'",
                String.class, alertId)).hasSize(1);
        awaitStatus(alertId, DeliveryState.ESCALATED, DeliveryChannel.PLATFORM);
        // and the deputy is emailed a link, with no child's name
        MimeMessage email = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMailServer.messagesTo(deputy), m -> !m.isEmpty()).get(0);
        assertThat(TestMailServer.subject(email)).isEqualTo(
                "Safeguarding notification not yet answered for Test Probation Delivery Unit");
        assertThat(TestMailServer.body(email)).contains("/inbox/alerts/" + alertId)
                .doesNotContain("Rosalind", "Tobias", "Saskia", h.family());
        assertThat(TestMailServer.messagesTo(deputy)).hasSize(1);
        // and operations see it on the unanswered list, ids and times only
        assertThat(unanswered(h.dir().probation())).singleElement().satisfies(u -> {
            assertThat(u.get("alertId")).isEqualTo(alert.getAlertId());
            assertThat(u.get("organisationName")).isEqualTo("Test Probation Delivery Unit");
            assertThat(Instant.parse((String) u.get("respondBy"))).isEqualTo(respondBy);
            assertThat(u.get("escalatedAt")).isNotNull();
            assertThat(u.toString()).doesNotContain("Rosalind", h.family());
        });

        // when the unit answers late, it leaves the list
        assertThat(answer(alert.getAlertId(), false, "Not considered at the time; a home visit is booked.")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(unanswered(h.dir().probation())).isEmpty();
    }
}
