package uk.safeguarding.local.e2e;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.schemas.Topics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations dashboard and the alert rules (deploy/compose) name only metrics the services really expose: the
 * services run, traffic goes through them (an incident accepted and routed, one refused, unreadable bytes
 * dead-lettered), Prometheus's view of each ({@code /actuator/prometheus}, read without an account, as a scraper
 * would) is collected, and every metric name the two files use must be in it. Also: every service answers its
 * liveness and readiness probes.
 */
@ExtendWith(RunningServices.class)
class OperationsMetricsExistTest {

    private static final Path COMPOSE = Path.of("..", "compose");
    /** Metric names in PromQL: the platform's own, Kafka's, Spring's and the JVM's. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b(?:notification|ingest|kafka|spring_cloud|http_server|jvm|process|hikaricp)_[a-z0-9_]+");

    private final Services services = RunningServices.services();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricTheDashboardAndTheAlertRulesUseIsExposedByTheRunningServices() throws Exception {
        // given traffic through the services: an incident accepted and routed, one refused, unreadable bytes
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("OPS")).build();
        String submit = services.ingestUrl() + "/api/v1/incidents";
        assertThat(services.http().post(submit, IncidentJson.of(incident)).status()).isEqualTo(202);
        assertThat(new Http().post(submit, IncidentJson.of(incident)).status()).isEqualTo(401);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INCIDENTS.name(), "ops-unreadable".getBytes(StandardCharsets.UTF_8),
                    new byte[] {0, 0, 0, 0, 1, 2})).get();
        }

        // when Prometheus's view of each service is read, once the alert and the dead letter are counted
        Set<String> exposed = new TreeSet<>();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            exposed.clear();
            for (String base : new String[] {services.ingestUrl(), services.notificationUrl(), services.deliveryUrl(),
                    services.registryUrl()}) {
                exposed.addAll(names(scrape(base)));
            }
            assertThat(exposed).contains("notification_alerts_latency_seconds_bucket", "notification_dead_letters_total",
                    "ingest_incidents_refused_total", "kafka_consumer_fetch_manager_records_lag");
        });

        // then every metric the dashboard and the alert rules name is one of them
        String dashboard = Files.readString(COMPOSE.resolve("grafana/dashboards/operations.json"));
        String rules = Files.readString(COMPOSE.resolve("prometheus/alert-rules.yml"));
        Set<String> used = new TreeSet<>();
        Matcher m = METRIC.matcher(dashboard + "\n" + rules);
        while (m.find()) {
            used.add(m.group());
        }
        assertThat(used).as("metric names in operations.json and alert-rules.yml").hasSizeGreaterThan(15);
        assertThat(used).allSatisfy(name -> assertThat(exposed).as("exposed by a service: " + name).contains(name));
    }

    @Test
    void everyServiceAnswersItsProbesWithoutAnAccount() throws Exception {
        for (String base : new String[] {services.ingestUrl(), services.notificationUrl(), services.deliveryUrl(),
                services.registryUrl()}) {
            for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                HttpResponse<String> answer = get(base + probe);
                assertThat(answer.statusCode()).as(base + probe).isEqualTo(200);
                assertThat(answer.body()).as(base + probe).contains("\"status\":\"UP\"");
            }
        }
    }

    private String scrape(String base) throws Exception {
        HttpResponse<String> answer = get(base + "/actuator/prometheus");
        assertThat(answer.statusCode()).as(base + "/actuator/prometheus").isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sample names of a Prometheus text exposition. */
    static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int end = l.length();
            for (char c : new char[] {'{', ' '}) {
                int at = l.indexOf(c);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            names.add(l.substring(0, end));
        });
        return names;
    }
}
