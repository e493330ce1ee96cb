package uk.safeguarding.notification.operations;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.delivery.inbox.InboxHttp;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.demo.DemoSignIns;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.consumers.DeadLetters;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations console ({@code /operations}) on the module's shared context: a dead letter made by the real
 * consumer shows there with its cause and origin and is replayed once; replaying the same dead letter twice after a
 * fix gives one alert; a record stopping its consumer is skipped from the page; only operations see the page, and
 * operations open no alert.
 */
class OperationsConsoleTest extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    @AfterEach
    void repair() {
        failOnce.repair();
    }

    @Test
    void aBadIncidentRecordIsDeadLetteredShownOnTheConsoleWithItsCauseAndReplayedOnce() {
        // given an incident record that breaks the contract (revision 0, no child), produced onto incidents.reported
        IncidentReported invalid = SampleIncidents.incident("TST", "OPS-BAD-" + unique()).setRevision(0)
                .setChildren(new ArrayList<>()).build();
        byte[] bytes = Topics.INCIDENTS.valueSerializer(EmbeddedInfrastructure.get().serdeConfig())
                .serialize(Topics.INCIDENTS.name(), invalid);
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER)) {
            RecordMetadata at = produceRaw(invalid.getIncidentId().getBytes(StandardCharsets.UTF_8), bytes);
            // and the consumer has dead-lettered it
            ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1, r -> from(r, at)).get(0);

            // when operations open the console (Kafka's answers are kept a few seconds: a page shown just before may
            // not hold it yet)
            InboxHttp ops = signedInOperations();
            HttpResponse<String> page = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ops.get("/operations"), p -> p.body().contains(position(letter)));

            // then the dead letter is listed with its position, its origin and its cause, never its content
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Operations console", "Dead letters",
                    position(letter), "incidents.reported " + at.partition() + " @ " + at.offset(),
                    "IncidentRejectedException", "revision: must be from 1 to", "children: must list at least one child")
                    .doesNotContain(invalid.getPoliceReference());

            // when they replay it (the form, with the session's CSRF token)
            HttpResponse<String> replayed = ops.postFormWithCsrf("/operations", "/operations/dead-letters/replay",
                    form(letter));

            // then they are sent back to the console, which says so, and the row shows who replayed it
            assertThat(replayed.statusCode()).isEqualTo(302);
            assertThat(InboxHttp.location(replayed)).endsWith("/operations#dead-letters");
            HttpResponse<String> after = ops.get("/operations");
            assertThat(after.body()).contains("Dead letter replayed", "Replayed by", "P-OPERATIONS");

            // and the replay is kept: who, when, which dead letter, where the record went
            Map<String, Object> row = jdbc.queryForMap("select * from dead_letter_replay where dlt_topic = ?"
                    + " and dlt_partition = ? and dlt_offset = ?", letter.topic(), letter.partition(), letter.offset());
            assertThat(row.get("replayed_by")).isEqualTo("P-OPERATIONS");
            assertThat(row.get("replayed_at")).isNotNull();
            assertThat(row.get("source_topic")).isEqualTo(Topics.INCIDENTS.name());
            assertThat(((Number) row.get("source_offset")).longValue()).isEqualTo(at.offset());
            long replayedOffset = ((Number) row.get("replayed_offset")).longValue();
            int replayedPartition = ((Number) row.get("replayed_partition")).intValue();

            // and the record was read again from its new offset: still invalid, so dead-lettered again, from there
            ConsumerRecord<String, byte[]> again = deadLetters.awaitRecords(1, r ->
                    Integer.toString(replayedPartition).equals(header(r, DeadLetters.ORIGINAL_PARTITION))
                            && Long.toString(replayedOffset).equals(header(r, DeadLetters.ORIGINAL_OFFSET))).get(0);
            assertThat(again.value()).isEqualTo(bytes);

            // when they replay the first dead letter again, nothing is sent and the console says why
            ops.postFormWithCsrf("/operations", "/operations/dead-letters/replay", form(letter));
            assertThat(ops.get("/operations").body()).contains("Already replayed", "Nothing was sent again");
            assertThat(jdbc.queryForObject("select count(*) from dead_letter_replay where dlt_topic = ?"
                    + " and dlt_partition = ? and dlt_offset = ?", Integer.class, letter.topic(), letter.partition(),
                    letter.offset())).isEqualTo(1);
        }
    }

    @Test
    void replayingTheSameDeadLetterTwiceAfterTheFixGivesExactlyOneAlert() {
        // given a pupil's incident the database refuses (a fault of the platform's, fixed later): it is dead-lettered
        String token = unique();
        IncidentReported incident = givenAPupilIncident(token);
        failOnce.refuse(incident.getIncidentId());
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER);
             TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            produce(incident);
            ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1,
                    r -> incident.getIncidentId().equals(r.key())).get(0);
            awaitAllIncidentsProcessed();
            assertThat(ledgerRows(incident.getIncidentId())).isZero();

            // when the fault is fixed and operations replay the dead letter twice
            failOnce.repair();
            Map<String, Object> request = Map.of("topic", letter.topic(), "partition", letter.partition(),
                    "offset", letter.offset());
            ResponseEntity<Map> first = api(PersonRole.OPERATIONS)
                    .postForEntity("/api/v1/operations/dead-letters/replay", request, Map.class);
            ResponseEntity<Map> second = api(PersonRole.OPERATIONS)
                    .postForEntity("/api/v1/operations/dead-letters/replay", request, Map.class);

            // then the first is replayed, the second refused as replayed before
            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(first.getBody()).containsEntry("status", "REPLAYED")
                    .containsEntry("originalTopic", Topics.INCIDENTS.name());
            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(second.getBody()).containsEntry("status", "ALREADY_REPLAYED");

            // and the school gets its alert, once
            assertThat(schools.await(1, a -> a.getIncidentId().equals(incident.getIncidentId()))).hasSize(1);

            // when the same record reaches the topic yet again (as if a replay's database commit had been lost after
            // the broker took it): routing's own idempotence by incident and revision sends nothing more
            produceRaw(letter.key().getBytes(StandardCharsets.UTF_8), letter.value());
            awaitAllIncidentsProcessed();

            // then still exactly one alert on the school topic and in the ledger
            assertThat(schools.matching(a -> a.getIncidentId().equals(incident.getIncidentId()))).hasSize(1);
            assertThat(ledgerAlerts(incident.getIncidentId()))
                    .filteredOn(a -> a.getRecipient().getKind() == AgencyKind.SCHOOL).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from dead_letter_replay where dlt_topic = ?"
                    + " and dlt_partition = ? and dlt_offset = ?", Integer.class, letter.topic(), letter.partition(),
                    letter.offset())).isEqualTo(1);
        }
    }

    @Test
    void operationsSkipARecordThatStopsItsConsumerFromTheConsoleAndTheRecordsBehindItAreRouted() {
        // given an incident whose routing fails every time in a way nobody foresaw, and a good incident behind it
        String token = unique();
        IncidentReported stuck = givenAPupilIncident(token + "S");
        IncidentReported behind = givenAPupilIncident(token + "B");
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER);
             TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            // (and an incident routed on the partition before, so the group has committed there: its lag is known)
            IncidentReported before = givenAPupilIncident(token + "P");
            produce(2, before);
            schools.await(1, a -> a.getIncidentId().equals(before.getIncidentId()));
            awaitAllIncidentsProcessed();
            failOnce.unreachableWhileRouting(stuck.getIncidentId());
            RecordMetadata at = produce(2, stuck);
            produce(2, behind);

            // when operations open the console: the consumer shows as stuck, the form offers where it is stopped
            InboxHttp ops = signedInOperations();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String body = ops.get("/operations").body();
                return body.contains("class=\"stuck-consumer\"")
                        && java.util.regex.Pattern.compile("id=\"skip-offset\"[^>]*value=\"" + at.offset() + "\"")
                        .matcher(body).find();
            });

            // and they send the form without a reason: it says what is missing and skips nothing
            HttpResponse<String> incomplete = ops.postFormWithCsrf("/operations", "/operations/records/skip",
                    Map.of("topic", Topics.INCIDENTS.name(), "partition", "2", "offset", Long.toString(at.offset()),
                            "reason", " "));
            assertThat(incomplete.statusCode()).isEqualTo(200);
            assertThat(incomplete.body()).contains("There is a problem", "Say why the record is skipped")
                    .contains("<title>Error: Operations console");

            // when they skip it with a reason
            HttpResponse<String> skipped = ops.postFormWithCsrf("/operations", "/operations/records/skip",
                    Map.of("topic", Topics.INCIDENTS.name(), "partition", "2", "offset", Long.toString(at.offset()),
                            "reason", "routing fails on it; ticket OPS-43"));

            // then the console says so, the record is a dead letter saying why, and the incident behind it is routed
            assertThat(skipped.statusCode()).isEqualTo(302);
            assertThat(ops.get("/operations").body()).contains("Skip requested", "ticket OPS-43");
            ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1,
                    r -> stuck.getIncidentId().equals(r.key())).get(0);
            assertThat(header(letter, DeadLetters.EXCEPTION_MESSAGE))
                    .isEqualTo("skipped by an operator: routing fails on it; ticket OPS-43");
            assertThat(schools.await(1, a -> a.getIncidentId().equals(behind.getIncidentId()))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !ops.get("/operations").body()
                    .contains("class=\"stuck-consumer\""));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleShowsTopicsLagAndEverySectionOfTheModulesThisProcessRunsAlsoAsJson() {
        // given an incident routed, so that this service's consumer group has committed offsets
        try (TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            IncidentReported incident = givenAPupilIncident(unique());
            produce(incident);
            schools.await(1, a -> a.getIncidentId().equals(incident.getIncidentId()));
        }
        awaitAllIncidentsProcessed();

        // when operations open the console and its JSON
        InboxHttp ops = signedInOperations();
        HttpResponse<String> page = await().atMost(Duration.ofSeconds(30))
                .until(() -> ops.get("/operations"), p -> p.body().contains(">" + GROUP + "<"));
        ResponseEntity<Map> json = api(PersonRole.OPERATIONS).getForEntity("/api/v1/operations/console", Map.class);

        // then both show the platform's topics, this service's consumer group and the modules' sections
        assertThat(page.body()).contains("This process runs routing and delivery", "Topics", "Consumer lag",
                "Deadlines at risk and breached", "Children not matched (the working list)",
                "Alerts by agency kind and delivery state", ">" + Topics.INCIDENTS.name() + "<");
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> kafka = (Map<String, Object>) json.getBody().get("kafka");
        List<Object> listed = new ArrayList<>();
        ((List<Map<String, Object>>) kafka.get("topics")).forEach(t -> listed.add(t.get("topic")));
        // a topic the broker has not created yet (they are created on first use here) is listed as missing
        listed.addAll((List<Object>) kafka.getOrDefault("missing", List.of()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topics.Topic::name).toList());
        assertThat((List<Map<String, Object>>) kafka.get("groups")).extracting(g -> g.get("group")).contains(GROUP);
        assertThat((List<Map<String, Object>>) json.getBody().get("sections")).extracting(s -> s.get("id"))
                .containsExactly("without-people", "deadlines", "unresolved", "deliveries");
        assertThat((List<String>) json.getBody().get("modules")).containsExactlyInAnyOrder("routing", "delivery");
    }

    @Test
    void anOrganisationImportedWithNobodyToReadItsAlertsIsAWarningOnTheConsole() {
        // given a GP practice imported through the directory, with no key adult or deputy
        String id = "ORG-GP-NOBODY-" + unique();
        given(new DirectoryDocument(List.of(new DirectoryDocument.Organisation(id, "Nobody Reads Surgery",
                OrganisationKind.GP, null, null, null, "office@nobody-reads.example", null, null, null)),
                List.of(), List.of(), List.of()));

        // when operations open the console
        HttpResponse<String> page = signedInOperations().get("/operations");

        // then the warning names it, its kind and whom to ask
        assertThat(page.body()).contains("Organisations nobody can read alerts for", "Warning:", id,
                "Nobody Reads Surgery", "office@nobody-reads.example");
    }

    @Test
    void someoneWithoutTheOperationsRoleGetsTheNotFoundPageAndTheApiRefusesThem() {
        // given a school's key adult, signed in
        InboxHttp keyAdult = new InboxHttp(baseUrl());
        assertThat(keyAdult.signIn(apiAccount(DemoDirectory.PRIMARY_SCHOOLS.get(0), PersonRole.KEY_ADULT),
                API_PASSWORD).statusCode()).isEqualTo(302);

        // when they open the console, or post its replay form with a valid token
        HttpResponse<String> page = keyAdult.get("/operations");
        HttpResponse<String> replay = keyAdult.postFormWithCsrf("/inbox", "/operations/dead-letters/replay",
                Map.of("topic", Topics.INCIDENTS_DEAD_LETTER.name(), "partition", "0", "offset", "0"));

        // then it is the inbox's not-found page, as for an alert not theirs
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Operations console");
        assertThat(replay.statusCode()).isEqualTo(404);
        assertThat(keyAdult.get("/inbox").body()).doesNotContain("href=\"/operations\"");
        // and the JSON refuses them; nobody signed in is sent to sign in
        assertThat(apiAs(DemoDirectory.PRIMARY_SCHOOLS.get(0), PersonRole.KEY_ADULT)
                .getForEntity("/api/v1/operations/console", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymousApi().getForEntity("/api/v1/operations/console", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpResponse<String> anonymous = new InboxHttp(baseUrl()).get("/operations");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(anonymous)).contains("/inbox/sign-in");
    }

    @Test
    void operationsLandOnTheConsoleAndCannotOpenAnyAlertsContent() {
        // given a pupil's alert routed to their school
        IncidentReported incident = givenAPupilIncident(unique());
        AgencyAlert alert;
        try (TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            produce(incident);
            alert = schools.await(1, a -> a.getIncidentId().equals(incident.getIncidentId())).get(0);
        }
        String family = incident.getChildren().get(0).getFamilyName();

        // when the demo operations person signs in: they land on the console, at the platform's own organisation
        InboxHttp ops = new InboxHttp(baseUrl());
        HttpResponse<String> signIn = ops.signIn(DemoSignIns.OPERATIONS_EMAIL, DemoSignIns.PASSWORD);
        assertThat(InboxHttp.location(signIn)).endsWith("/operations");
        assertThat(jdbc.queryForObject("select organisation_id from person where email = ?", String.class,
                DemoSignIns.OPERATIONS_EMAIL)).isEqualTo(DemoDirectory.PLATFORM_OPERATIONS);

        // then the alert is not found through the inbox or the API, lists hold nothing of it, nor does the console
        HttpResponse<String> page = ops.get("/inbox/alerts/" + alert.getAlertId());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(family);
        var api = anonymousApi().withBasicAuth(DemoSignIns.OPERATIONS_EMAIL, DemoSignIns.PASSWORD);
        assertThat(api.getForEntity("/api/v1/alerts/" + alert.getAlertId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getForEntity("/api/v1/alerts?size=200", String.class).getBody()).doesNotContain(family);
        assertThat(ops.get("/inbox").body()).doesNotContain(family);
        assertThat(ops.get("/operations").body()).doesNotContain(family)
                .doesNotContain(incident.getChildren().get(0).getGivenName());
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The demo operations person, signed in to the pages. */
    private InboxHttp signedInOperations() {
        InboxHttp ops = new InboxHttp(baseUrl());
        HttpResponse<String> signIn = ops.signIn(DemoSignIns.OPERATIONS_EMAIL, DemoSignIns.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        return ops;
    }

    private IncidentReported givenAPupilIncident(String token) {
        TestDirectory dir = TestDirectory.create(token);
        String upn = SampleIncidents.uniqueUpn();
        String family = familyName("Opsworthy");
        given(new DirectoryDocument(dir.organisations(), List.of(dir.schoolChild("T-CH-OPS-" + token, "Wilhelmina",
                family, TestClock.bornYearsAgo(9, 3, 3), upn)), List.of(), List.of()));
        return SampleIncidents.incident("TST", "OPS-" + token).setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Wilhelmina", family, null).setIdentifiers(new ArrayList<>(List.of(
                        SampleIncidents.id(IdentifierScheme.UPN, upn)))).build()))).build();
    }

    private static Map<String, String> form(ConsumerRecord<String, byte[]> letter) {
        return Map.of("topic", letter.topic(), "partition", Integer.toString(letter.partition()),
                "offset", Long.toString(letter.offset()));
    }

    private static String position(ConsumerRecord<?, ?> letter) {
        return letter.topic() + " " + letter.partition() + " @ " + letter.offset();
    }

    private static boolean from(ConsumerRecord<?, ?> letter, RecordMetadata at) {
        return Integer.toString(at.partition()).equals(header(letter, DeadLetters.ORIGINAL_PARTITION))
                && Long.toString(at.offset()).equals(header(letter, DeadLetters.ORIGINAL_OFFSET));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
