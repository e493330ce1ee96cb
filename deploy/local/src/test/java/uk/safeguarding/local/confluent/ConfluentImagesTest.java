package uk.safeguarding.local.confluent;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.testkit.SampleIncidents;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The extra layer: the platform's serde and released schemas against Confluent's own Schema Registry and Confluent
 * Server images, as production runs them. Skipped (not failed) where no Docker engine answers, as on the build
 * machine; the embedded path proves the same behaviour with the project's own registry everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentImagesTest {

    static final String CONFLUENT_VERSION = "7.9.0";
    static final Network NETWORK = Network.newNetwork();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer("confluentinc/cp-kafka:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    static String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
    }

    @Test
    void everyReleasedSchemaVersionRegistersInOrderWithConfluentsRegistryUnderBackwardTransitive() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Path record : releasedRecords()) {
            // given a subject that must stay readable by every later version
            String subject = "confluent-check-" + record.getFileName() + "-value";
            HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(registryUrl() + "/config/" + subject))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(config.statusCode()).isEqualTo(200);

            // when each released version is registered in order, then Confluent's registry accepts it
            for (Path version : versions(record)) {
                String body = "{\"schema\":" + jsonString(Files.readString(version)) + "}";
                HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                                URI.create(registryUrl() + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(registered.statusCode()).as("%s: %s", version, registered.body()).isEqualTo(200);
                assertThat(registered.body()).contains("\"id\"");
            }
        }
    }

    @Test
    void anIncidentWrittenByThePlatformSerdeIsReadBackThroughConfluentServerAndRegistry() {
        // given the platform's serializer pointed at Confluent's registry
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
        IncidentReported incident = SampleIncidents.incident("TCK", "CONFLUENT-1").build();
        String topic = Topics.INCIDENTS.name();

        // when it is produced to Confluent Server and consumed again
        try (KafkaProducer<String, IncidentReported> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
                Topics.INCIDENTS.keySerializer(), Topics.INCIDENTS.valueSerializer(serde))) {
            producer.send(new ProducerRecord<>(topic, incident.getIncidentId(), incident));
            producer.flush();
        }
        List<IncidentReported> read = new ArrayList<>();
        try (KafkaConsumer<String, IncidentReported> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "confluent-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Topics.INCIDENTS.keyDeserializer(), Topics.INCIDENTS.valueDeserializer(serde))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, IncidentReported> r : consumer.poll(Duration.ofMillis(500))) {
                    read.add(r.value());
                }
                return !read.isEmpty();
            });
        }

        // then it is the same incident, and the registry holds its subject
        assertThat(read).containsExactly(incident);
    }

    static List<Path> releasedRecords() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("..", "..", "schemas", "released"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    static List<Path> versions(Path record) throws IOException {
        try (Stream<Path> files = Files.list(record)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
