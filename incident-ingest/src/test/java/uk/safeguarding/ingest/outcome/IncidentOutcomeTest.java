package uk.safeguarding.ingest.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IncidentOutcomeChanged;
import uk.safeguarding.avro.OutcomeChange;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.ingest.support.TestIssuer;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.ConsumerLag;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * The submitting force reads what became of its report: delivery's status events and routing's unresolved children,
 * fed onto their topics here as notification-service writes them, become the outcome on the API and on
 * incidents.outcome; another force is answered as if there were no such incident.
 */
class IncidentOutcomeTest extends IngestIntegrationTest {

    static final String STAFF_ID = "PERSON-KEY-ADULT-4711";

    @Test
    void theForceSeesEachChildsAlertsWithTheirTimesAndAWaitingChildAndAnotherForceSeesNothing() throws Exception {
        // given an incident of WMP with two children, accepted
        ObjectNode submission = incident("WMP", uniqueReference());
        submission.withArray("children").addObject().put("givenName", "Quinlan").put("familyName", "Hiddenfield")
                .put("dateOfBirth", "2019-03-02").put("present", false).putArray("identifiers");
        Http.Answer accepted = http().post("/api/v1/incidents", submission);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String incidentId = accepted.json().get("incidentId").asText();

        // when delivery reports the school's alert for child 0 sent, delivered and opened by a key adult (the opening
        // twice: status events are at least once), and routing could not route child 1
        Instant sent = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
        String alertId = UUID.randomUUID().toString();
        AlertStatusChanged opened = status(incidentId, alertId, DeliveryState.OPENED, sent.plusSeconds(600), STAFF_ID);
        try (TopicProbe<IncidentOutcomeChanged> outcomeTopic = TopicProbe.on(Topics.INCIDENT_OUTCOME);
             KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ALERT_STATUS.name(), alertId,
                    status(incidentId, alertId, DeliveryState.SENT, sent, null))).get();
            producer.send(new ProducerRecord<>(Topics.ALERT_STATUS.name(), alertId,
                    status(incidentId, alertId, DeliveryState.DELIVERED, sent.plusSeconds(2), null))).get();
            producer.send(new ProducerRecord<>(Topics.ALERT_STATUS.name(), alertId, opened)).get();
            producer.send(new ProducerRecord<>(Topics.ALERT_STATUS.name(), alertId, opened)).get();
            producer.send(new ProducerRecord<>(Topics.UNRESOLVED.name(), incidentId, ChildUnresolved.newBuilder()
                    .setIncidentId(incidentId).setIncidentRevision(1).setForceCode("WMP")
                    .setPoliceReference(submission.get("policeReference").asText()).setChildIndex(1)
                    .setGivenName("Quinlan").setFamilyName("Hiddenfield").setReason(UnresolvedReason.NO_MATCH)
                    .setDetail("no directory child found").setDetectedAt(sent).build())).get();

            // then the force reads, for child 0, the school with each step's time, and child 1 waiting
            JsonNode outcome = await().atMost(Duration.ofSeconds(30)).until(
                    () -> http().get("/api/v1/incidents/" + incidentId + "/outcome"),
                    a -> a.status() == 200 && a.json().get("children").size() == 2
                            && "OPENED".equals(a.json().at("/children/0/alerts/0/state").asText())).json();
            assertThat(outcome.get("incidentId").asText()).isEqualTo(incidentId);
            assertThat(outcome.get("forceCode").asText()).isEqualTo("WMP");
            JsonNode first = outcome.at("/children/0");
            assertThat(first.get("revision").asInt()).isEqualTo(1);
            assertThat(first.get("childIndex").asInt()).isEqualTo(0);
            assertThat(first.get("status").asText()).isEqualTo("NOTIFIED");
            assertThat(first.get("alerts")).hasSize(1);
            JsonNode school = first.at("/alerts/0");
            assertThat(school.get("alertId").asText()).isEqualTo(alertId);
            assertThat(school.get("organisationId").asText()).isEqualTo("ORG-T-SCH");
            assertThat(school.get("organisationName").asText()).isEqualTo("Tollgate Primary School");
            assertThat(school.get("kind").asText()).isEqualTo("SCHOOL");
            assertThat(Instant.parse(school.get("sentAt").asText())).isEqualTo(sent);
            assertThat(Instant.parse(school.get("deliveredAt").asText())).isEqualTo(sent.plusSeconds(2));
            assertThat(Instant.parse(school.get("openedAt").asText())).isEqualTo(sent.plusSeconds(600));
            assertThat(school.get("actionedAt").isNull()).isTrue();
            JsonNode waiting = outcome.at("/children/1");
            assertThat(waiting.get("childIndex").asInt()).isEqualTo(1);
            assertThat(waiting.get("status").asText()).isEqualTo("WAITING");
            assertThat(waiting.at("/waiting/reason").asText()).isEqualTo("NO_MATCH");
            assertThat(waiting.get("alerts")).isEmpty();
            // never a name, nor who opened it
            String body = http().get("/api/v1/incidents/" + incidentId + "/outcome").body();
            assertThat(body).doesNotContain(STAFF_ID).doesNotContain("Quinlan").doesNotContain("Hiddenfield")
                    .doesNotContain("Robin").doesNotContain("Sample");

            // and each step is on incidents.outcome for WMP, keyed by the incident, once (the repeat dropped)
            List<IncidentOutcomeChanged> events = outcomeTopic.await(4, e -> e.getIncidentId().equals(incidentId));
            ConsumerLag.awaitCaughtUp(IngestInfrastructure.infra().kafkaBootstrapServers(), "incident-ingest-outcome",
                    Topics.ALERT_STATUS.name());
            assertThat(outcomeTopic.matching(e -> e.getIncidentId().equals(incidentId))).hasSize(4);
            assertThat(events).allSatisfy(e -> assertThat(e.getForceCode()).isEqualTo("WMP"));
            assertThat(events).filteredOn(e -> e.getChange() == OutcomeChange.ALERT_STATE)
                    .extracting(IncidentOutcomeChanged::getState)
                    .containsExactlyInAnyOrder(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.OPENED);
            assertThat(events).filteredOn(e -> e.getChange() == OutcomeChange.CHILD_WAITING).singleElement()
                    .satisfies(e -> {
                        assertThat(e.getChildIndex()).isEqualTo(1);
                        assertThat(e.getWaitingReason()).isEqualTo(UnresolvedReason.NO_MATCH);
                    });
            assertThat(outcomeTopic.awaitRecords(4, r -> r.value().getIncidentId().equals(incidentId)))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo(incidentId));
            assertThat(events.toString()).doesNotContain(STAFF_ID).doesNotContain("Quinlan")
                    .doesNotContain("Tollgate");
        }

        // and another force's system is answered as for an unknown incident
        Http manchester = anonymous().withToken(TestIssuer.get().tokenFor("gmp-outcome-system", "GMP"));
        Http.Answer refused = manchester.get("/api/v1/incidents/" + incidentId + "/outcome");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:problem:incident-ingest:incident-not-found");
        assertThat(refused.body()).doesNotContain("ORG-T-SCH");
        assertThat(anonymous().get("/api/v1/incidents/" + incidentId + "/outcome").status()).isEqualTo(401);
    }

    static AlertStatusChanged status(String incidentId, String alertId, DeliveryState state, Instant at, String actor) {
        return AlertStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setAlertId(alertId)
                .setIncidentId(incidentId).setOrganisationId("ORG-T-SCH").setRecipientKind(AgencyKind.SCHOOL)
                .setState(state).setChannel(state == DeliveryState.OPENED ? DeliveryChannel.INBOX : DeliveryChannel.PLATFORM)
                .setOccurredAt(at).setActorId(actor).setDueBy(at.plusSeconds(3600 * 10))
                .setIncidentRevision(1).setChildIndex(0).setOrganisationName("Tollgate Primary School").build();
    }

    static KafkaProducer<String, Object> producer() {
        Map<String, Object> config = new java.util.HashMap<>(IngestInfrastructure.infra().serdeConfig());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, IngestInfrastructure.infra().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, uk.safeguarding.serde.KafkaAvroSerializer.class);
        return new KafkaProducer<>(config);
    }
}
