package uk.safeguarding.notification.routing.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.shared.consumers.DeadLetters;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures that are not a record's fault are waited out, never dead-lettered, and never silent: readiness goes DOWN
 * while a consumer is stuck and UP again by itself; an operator can skip the one record a consumer cannot get past.
 * (This test context calls a consumer stuck after 2 s and backs off from 0.2 s to 1 s.)
 */
class ConsumerHealthTest extends IntegrationTestSupport {

    private static final int PARTITION = 2;

    @AfterEach
    void repair() {
        failOnce.repair();
    }

    private ResponseEntity<Map> readiness() {
        return anonymousApi().getForEntity("/actuator/health/readiness", Map.class);
    }

    @Test
    void anUnreachableDatabaseIsRetriedWithBackOffNeverDeadLetteredAndReadinessFollowsIt() {
        // given a pupil, and the database unreachable for routing
        String token = unique();
        IncidentReported incident = givenAPupilIncident(token);
        failOnce.unreachableFor(Integer.MAX_VALUE);
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER);
             TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            // when the incident arrives
            produce(PARTITION, incident);

            // then the consumer is stuck: readiness DOWN naming it, while liveness stays UP
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness().getStatusCode()
                    == HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(api(PersonRole.OPERATIONS).getForEntity("/actuator/health/readiness", Map.class).getBody()
                    .toString()).contains("consumers").contains(GROUP);
            assertThat(anonymousApi().getForEntity("/actuator/health/liveness", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            int failures = failOnce.unreachableFailures();
            assertThat(failures).isGreaterThanOrEqualTo(2);

            // when the database is back
            failOnce.repair();

            // then the incident is routed, readiness is UP again, and nothing was dead-lettered
            assertThat(schools.await(1, a -> a.getIncidentId().equals(incident.getIncidentId()))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness().getStatusCode() == HttpStatus.OK);
            awaitAllIncidentsProcessed();
            assertThat(deadLetters.records()).noneMatch(r -> incident.getIncidentId().equals(r.key()));
        }
    }

    @Test
    void anOperatorSkipsTheRecordAConsumerCannotGetPastAndTheRecordsBehindItAreRouted() {
        // given an incident whose routing fails in a way nobody foresaw (as if the database were down, every time),
        // and a good incident behind it on its partition
        String token = unique();
        IncidentReported stuck = givenAPupilIncident(token + "S");
        IncidentReported behind = givenAPupilIncident(token + "B");
        failOnce.unreachableWhileRouting(stuck.getIncidentId());
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER);
             TopicProbe<AgencyAlert> schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            RecordMetadata at = produce(PARTITION, stuck);
            produce(PARTITION, behind);
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness().getStatusCode()
                    == HttpStatus.SERVICE_UNAVAILABLE);

            // when a school's key adult tries to skip it, they may not; when operations do, it is accepted
            Map<String, Object> skip = Map.of("topic", Topics.INCIDENTS.name(), "partition", at.partition(),
                    "offset", at.offset(), "reason", "routing fails on it; ticket OPS-42");
            assertThat(apiAs(TestDirectory.create(token + "S").school(), PersonRole.KEY_ADULT)
                    .postForEntity("/api/v1/operations/records/skip", skip, Map.class).getStatusCode().value())
                    .isIn(401, 403);
            ResponseEntity<Map> accepted = api(PersonRole.OPERATIONS)
                    .postForEntity("/api/v1/operations/records/skip", skip, Map.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            // then the record is a dead letter saying why, the incident behind it is routed, readiness is UP again
            ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1,
                    r -> stuck.getIncidentId().equals(r.key())).get(0);
            assertThat(header(letter, DeadLetters.EXCEPTION_MESSAGE))
                    .isEqualTo("skipped by an operator: routing fails on it; ticket OPS-42");
            assertThat(schools.await(1, a -> a.getIncidentId().equals(behind.getIncidentId()))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness().getStatusCode() == HttpStatus.OK);
            // and the request is kept: who, why, when it was done
            Map<String, Object> row = jdbc.queryForMap("select * from record_skip where source_topic = ?"
                    + " and source_partition = ? and source_offset = ?", Topics.INCIDENTS.name(), at.partition(),
                    at.offset());
            assertThat(row.get("requested_by")).isNotNull();
            assertThat(row.get("skipped_at")).isNotNull();
        }
    }

    @Test
    void aSkipRequestNamesEveryBadFieldAndOnlyTopicsTheServiceConsumes() {
        ResponseEntity<Map> refused = api(PersonRole.OPERATIONS).postForEntity("/api/v1/operations/records/skip",
                Map.of("topic", "alerts.status", "partition", -1, "reason", " "), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("topic").contains("partition")
                .contains("offset").contains("reason");
    }

    private IncidentReported givenAPupilIncident(String token) {
        TestDirectory dir = TestDirectory.create(token);
        String upn = SampleIncidents.uniqueUpn();
        String family = familyName("Healthfield");
        given(new DirectoryDocument(dir.organisations(), List.of(dir.schoolChild("T-CH-HL-" + token, "Hesper", family,
                TestClock.bornYearsAgo(8, 8, 8), upn)), List.of(), List.of()));
        return SampleIncidents.incident("TST", "HEALTH-" + token).setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Hesper", family, null).setIdentifiers(new ArrayList<>(List.of(
                        SampleIncidents.id(IdentifierScheme.UPN, upn)))).build()))).build();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
