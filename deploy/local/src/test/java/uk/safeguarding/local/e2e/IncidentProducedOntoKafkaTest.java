package uk.safeguarding.local.e2e;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.local.e2e.AgencyTopics.awaitNotificationCaughtUp;
import static uk.safeguarding.local.e2e.AgencyTopics.counts;
import static uk.safeguarding.local.e2e.AgencyTopics.expectedForHousehold;
import static uk.safeguarding.local.e2e.AgencyTopics.expectedRouting;
import static uk.safeguarding.local.e2e.AgencyTopics.routing;

/** A force with its own Kafka producer writes incidents straight onto the incidents topic. */
@ExtendWith(RunningServices.class)
class IncidentProducedOntoKafkaTest {

    private static AgencyTopics topics;
    private static KafkaProducer<String, IncidentReported> producer;
    private Services services;

    @BeforeAll
    static void clients() {
        topics = new AgencyTopics();
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.get();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                Topics.INCIDENTS.keySerializer(), Topics.INCIDENTS.valueSerializer(infra.serdeConfig()));
    }

    @AfterAll
    static void closeClients() {
        producer.close();
        topics.close();
    }

    @BeforeEach
    void services() {
        services = RunningServices.services();
    }

    @Test
    void anIncidentProducedStraightOntoTheIncidentsTopicIsRoutedAsOnePostedOverHttps() throws Exception {
        // given a household, and one incident about it posted over HTTPS and routed
        TestHousehold household = TestHousehold.create(services);
        IncidentReported overHttps = household.incident(household.reference("VIA-HTTP")).build();
        assertThat(services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(overHttps))
                .status()).isEqualTo(202);
        Map<AgencyKind, List<AgencyAlert>> httpAlerts =
                topics.await(overHttps.getIncidentId(), 1, expectedForHousehold());

        // when the force produces the same kind of incident (another reference) straight onto Kafka
        IncidentReported direct = household.incident(household.reference("VIA-KAFKA")).build();
        produce(direct);

        // then it is routed to the same recipients for the same reasons
        topics.await(direct.getIncidentId(), 1, expectedForHousehold());
        awaitNotificationCaughtUp(services);
        Map<AgencyKind, List<AgencyAlert>> kafkaAlerts = topics.seen(direct.getIncidentId());
        assertThat(counts(kafkaAlerts)).isEqualTo(expectedForHousehold());
        assertThat(routing(kafkaAlerts)).isEqualTo(routing(httpAlerts)).isEqualTo(expectedRouting(household));
        assertThat(services.notificationDb().queryForObject(
                "select count(*) from alert_ledger where incident_id = ?", Integer.class, direct.getIncidentId()))
                .isEqualTo(6);
    }

    @Test
    void theSameRevisionProducedTwiceIsRoutedOnce() throws Exception {
        // given an incident produced and routed
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("TWICE")).build();
        produce(incident);
        topics.await(incident.getIncidentId(), 1, expectedForHousehold());

        // when the force's producer sends the very same revision again
        produce(incident);

        // then, once notification-service has read it, nobody has a second alert
        awaitNotificationCaughtUp(services);
        assertThat(counts(topics.seen(incident.getIncidentId()))).isEqualTo(expectedForHousehold());
    }

    @Test
    void aMalformedRecordLandsOnTheDeadLetterTopicAndTheNextGoodOneIsStillRouted() throws Exception {
        // given a household
        TestHousehold household = TestHousehold.create(services);
        String poisonKey = "poison-" + household.tag;
        byte[] poison = "this is not Avro in the Confluent wire format".getBytes(StandardCharsets.UTF_8);

        // when a malformed record is written onto the incidents topic, then a good one
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.INCIDENTS.name(), poisonKey, poison)).get();
        }
        IncidentReported good = household.incident(household.reference("AFTER-POISON")).build();
        produce(good);

        // then the malformed record is on the dead-letter topic, its bytes unchanged
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER)) {
            var dead = deadLetters.awaitRecords(1, r -> poisonKey.equals(r.key()));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(poison);
        }
        // and the good one is routed as usual
        topics.await(good.getIncidentId(), 1, expectedForHousehold());
        awaitNotificationCaughtUp(services);
        assertThat(routing(topics.seen(good.getIncidentId()))).isEqualTo(expectedRouting(household));
    }

    private static void produce(IncidentReported incident) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INCIDENTS.name(), incident.getIncidentId(), incident)).get();
    }
}
