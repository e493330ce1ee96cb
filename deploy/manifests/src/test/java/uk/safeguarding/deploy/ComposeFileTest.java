package uk.safeguarding.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.deploy.Repository.at;
import static uk.safeguarding.deploy.Repository.list;
import static uk.safeguarding.deploy.Repository.map;

/**
 * deploy/compose, checked without Docker: the services it runs, their images, healthchecks and start order, the
 * one-shot jobs (every topic of Topics created as declared, every released schema registered), the variables it needs,
 * Prometheus and Grafana's provisioning.
 */
class ComposeFileTest {

    private static final String DIR = "deploy/compose/";
    private static final Map<String, Object> COMPOSE = Repository.yaml(DIR + "compose.yaml");
    private static final Set<String> ONE_SHOTS = Set.of("kafka-init", "schema-init");
    private static final Map<String, Integer> JAVA_SERVICES = Map.of("incident-ingest", 8080, "notification-service", 8082);

    private static Map<String, Object> service(String name) {
        return map(map(COMPOSE.get("services")).get(name));
    }

    @Test
    void runsKafkaTheRegistryPostgresBothServicesTheOneShotJobsAndMonitoring() {
        assertThat(map(COMPOSE.get("services")).keySet()).containsExactlyInAnyOrder("postgres", "kafka",
                "schema-registry", "kafka-init", "schema-init", "incident-ingest", "notification-service", "mail",
                "prometheus", "grafana");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:");
        assertThat((String) service("kafka-init").get("image")).isEqualTo(service("kafka").get("image"));
        assertThat((String) service("schema-registry").get("image")).startsWith("confluentinc/cp-schema-registry:");
        assertThat(map(service("kafka").get("environment"))).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void everyImageIsPinnedAndTheServicesRunTheImagesTheBuildMakes() {
        map(COMPOSE.get("services")).forEach((name, s) -> {
            if (!JAVA_SERVICES.containsKey(name)) {
                String image = (String) map(s).get("image");
                assertThat(image).as(name + "'s image").matches("[a-z0-9./_-]+:[0-9v][^:]*").doesNotEndWith(":latest");
            }
        });
        JAVA_SERVICES.keySet().forEach(name -> assertThat(service(name).get("image"))
                .isEqualTo("safeguarding/" + name + ":${PLATFORM_VERSION:-" + System.getProperty("project.version") + "}"));
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndTheJavaServicesProbeTheirReadiness() {
        map(COMPOSE.get("services")).forEach((name, s) -> {
            if (!ONE_SHOTS.contains(name) && !name.equals("mail")) {
                assertThat(list(at(map(s), "healthcheck.test"))).as(name + "'s healthcheck").isNotEmpty();
            }
        });
        assertThat(list(at(service("incident-ingest"), "healthcheck.test")))
                .containsSubsequence("java", "-cp", "/opt/safeguarding/healthprobe", "HealthProbe")
                .last().isEqualTo("http://127.0.0.1:9080/actuator/health/readiness");
        assertThat(map(service("incident-ingest").get("environment"))).containsEntry("MANAGEMENT_SERVER_PORT", 9080);
        assertThat(list(at(service("notification-service"), "healthcheck.test")))
                .containsSubsequence("java", "-cp", "/opt/safeguarding/healthprobe", "HealthProbe")
                .last().isEqualTo("http://127.0.0.1:8082/actuator/health/readiness");
        JAVA_SERVICES.forEach((name, port) -> assertThat(list(service(name).get("ports"))).contains(port + ":" + port));
        assertThat(list(service("schema-registry").get("ports"))).contains("8081:8081");
    }

    @Test
    void theServicesStartOnlyOnceTheirInfrastructureIsHealthyAndTheTopicsAndSchemasExist() {
        for (String name : JAVA_SERVICES.keySet()) {
            Map<String, Object> dependsOn = map(service(name).get("depends_on"));
            for (String healthy : List.of("postgres", "kafka", "schema-registry")) {
                assertThat(at(dependsOn, healthy + ".condition")).as(name + " after " + healthy)
                        .isEqualTo("service_healthy");
            }
            for (String job : ONE_SHOTS) {
                assertThat(at(dependsOn, job + ".condition")).as(name + " after " + job)
                        .isEqualTo("service_completed_successfully");
            }
            Map<String, Object> environment = map(service(name).get("environment"));
            assertThat(environment).containsEntry("PLATFORM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("PLATFORM_SCHEMA_REGISTRY_URL", "http://schema-registry:8081")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_AUTO_REGISTER_SCHEMAS", "false")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_CREATE_TOPICS", "false");
        }
        assertThat(at(service("kafka-init"), "depends_on.kafka.condition")).isEqualTo("service_healthy");
        assertThat(at(service("schema-init"), "depends_on.schema-registry.condition")).isEqualTo("service_healthy");
        assertThat(map(service("incident-ingest").get("environment")).get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/incident_ingest");
        assertThat(map(service("notification-service").get("environment")).get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/notification");
        assertThat(Repository.read(DIR + "postgres/init-databases.sh"))
                .contains("CREATE DATABASE incident_ingest", "CREATE DATABASE notification")
                .doesNotContain("schema_registry");
    }

    @Test
    void theTopicJobsCatalogueIsTopicsJava() {
        List<String> rows = Repository.read(DIR + "init/topics.tsv").lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> expected = TopicCatalogue.fromCode().stream().map(TopicCatalogue::tsvLine).toList();
        assertThat(rows).as("deploy/compose/init/topics.tsv; expected:\n" + String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theTopicJobCreatesEveryTopicWithItsPartitionsAndRetention() throws Exception {
        String out = run(Map.of("KAFKA_TOPICS", "echo", "TOPICS_FILE", Repository.path(DIR + "init/topics.tsv").toString()),
                DIR + "init/create-topics.sh");
        for (TopicCatalogue topic : TopicCatalogue.fromCode()) {
            assertThat(out).contains("--create --if-not-exists --topic " + topic.name() + " --partitions "
                    + topic.partitions() + " --replication-factor 1 --config retention.ms=" + topic.retentionMs()
                    + " --config min.insync.replicas=1");
        }
        assertThat(at(service("kafka-init"), "entrypoint")).isEqualTo(List.of("/bin/sh", "/init/create-topics.sh"));
    }

    @Test
    void theSchemaJobRegistersEveryReleasedVersionInOrderUnderEachTopicsSubject() throws Exception {
        String out = run(Map.of("DRY_RUN", "1", "RELEASED_DIR", Repository.path("schemas/released").toString(),
                "TOPICS_FILE", Repository.path(DIR + "init/topics.tsv").toString()), DIR + "init/register-schemas.sh");
        ObjectMapper json = new ObjectMapper();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (TopicCatalogue topic : TopicCatalogue.fromCode()) {
            if (topic.record().equals("-")) {
                continue;
            }
            expected.add("PUT /config/" + topic.name() + "-value BACKWARD_TRANSITIVE");
            try (Stream<Path> versions = Files.list(Repository.path("schemas/released/" + topic.record()))) {
                for (Path version : versions.sorted(Comparator.comparingInt(ComposeFileTest::versionNumber)).toList()) {
                    expected.add("POST /subjects/" + topic.name() + "-value/versions " + json.readTree(version.toFile()));
                }
            }
        }
        for (String line : out.lines().toList()) {
            String[] parts = line.split(" ", 3);
            JsonNode body = json.readTree(parts[2]);
            actual.add(parts[0] + " " + parts[1] + " " + (parts[0].equals("PUT")
                    ? body.path("compatibility").asText()
                    : json.readTree(body.path("schema").asText()).toString()));
            if (parts[0].equals("POST")) {
                assertThat(body.path("schemaType").asText()).isEqualTo("AVRO");
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static int versionNumber(Path avsc) {
        return Integer.parseInt(avsc.getFileName().toString().replaceAll("^v(\\d+)\\.avsc$", "$1"));
    }

    @Test
    void everyVariableWithoutADefaultIsListedInTheEnvironmentExample() {
        Matcher variables = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(Repository.read(DIR + "compose.yaml"));
        Set<String> needed = new TreeSet<>();
        while (variables.find()) {
            needed.add(variables.group(1));
        }
        Set<String> listed = new TreeSet<>();
        Repository.read(DIR + ".env.example").lines().filter(l -> !l.startsWith("#") && l.contains("="))
                .forEach(l -> listed.add(l.substring(0, l.indexOf('='))));
        assertThat(listed).containsAll(needed);
        assertThat(needed).contains("POSTGRES_PASSWORD", "NOTIFICATION_SECRETS_KEY", "GRAFANA_ADMIN_PASSWORD");
        assertThat(Repository.read(DIR + ".gitignore").lines()).contains(".env", "secrets/");
    }

    @Test
    void prometheusScrapesBothServicesAndGrafanaIsProvisionedWithItAndTheOperationsDashboard() throws IOException {
        Map<String, Object> prometheus = Repository.yaml(DIR + "prometheus/prometheus.yml");
        List<String> targets = new ArrayList<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            assertThat(at(map(job), "metrics_path")).isEqualTo("/actuator/prometheus");
            list(map(list(map(job).get("static_configs")).get(0)).get("targets")).forEach(t -> targets.add((String) t));
        }
        assertThat(targets).containsExactlyInAnyOrder("incident-ingest:9080", "notification-service:8082");
        assertThat(list(service("prometheus").get("volumes")))
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                        "./prometheus/alert-rules.yml:/etc/prometheus/alert-rules.yml:ro");
        assertThat(list(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alert-rules.yml");
        List<String> alerts = new ArrayList<>();
        for (Object group : list(Repository.yaml(DIR + "prometheus/alert-rules.yml").get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                assertThat(map(rule)).containsKeys("alert", "expr", "labels", "annotations");
                alerts.add((String) map(rule).get("alert"));
            }
        }
        assertThat(alerts).contains("ConsumerStalled", "DeadLettersArriving", "DeadlinesAtRisk", "DeadlinesBreached",
                "UnresolvedChildWaitingTooLong", "IngestRefusingAForce", "WebhookDeliveriesFailing", "EmailNoticesFailing");

        Map<String, Object> datasource = map(list(Repository.yaml(DIR + "grafana/provisioning/datasources/prometheus.yaml")
                .get("datasources")).get(0));
        assertThat(datasource).containsEntry("url", "http://prometheus:9090").containsEntry("uid", "prometheus");
        Map<String, Object> provider = map(list(Repository.yaml(DIR + "grafana/provisioning/dashboards/dashboards.yaml")
                .get("providers")).get(0));
        assertThat(list(service("grafana").get("volumes")))
                .contains("./grafana/dashboards:" + at(provider, "options.path") + ":ro",
                        "./grafana/provisioning:/etc/grafana/provisioning:ro");

        JsonNode dashboard = new ObjectMapper().readTree(Repository.path(DIR + "grafana/dashboards/operations.json").toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("safeguarding-operations");
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            assertThat(p.path("datasource").path("uid").asText()).isEqualTo("prometheus");
            p.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        });
        assertThat(String.join("\n", expressions)).contains("notification_consumer_stuck",
                "notification_calendar_data_remaining_days", "http_server_requests_seconds");
    }

    @Test
    void theDashboardOnlyUsesMetricsTheServicesRegister() throws IOException {
        Set<String> registered = new TreeSet<>();
        Pattern meter = Pattern.compile("(?:counter|timer|gauge|summary|Gauge\\.builder|Counter\\.builder|Timer\\.builder)"
                + "\\(\\s*\"(notification\\.[a-z0-9._-]+)\"");
        try (Stream<Path> sources = Files.walk(Repository.path("notification-service/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = meter.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    registered.add(m.group(1).replace('.', '_').replace('-', '_'));
                }
            }
        }
        assertThat(registered).contains("notification_consumer_stuck", "notification_calendar_data_remaining");
        // (the names the running services expose, all of them: OperationsMetricsExistTest in deploy/local)
        Matcher used = Pattern.compile("\\bnotification_[a-z0-9_]+").matcher(Repository.read(DIR + "grafana/dashboards/operations.json")
                + Repository.read(DIR + "prometheus/alert-rules.yml"));
        while (used.find()) {
            String metric = used.group();
            assertThat(registered).as(metric + " (Prometheus name of a meter notification-service registers)")
                    .anyMatch(name -> metric.equals(name) || metric.matches(Pattern.quote(name)
                            + "_(total|days|seconds|seconds_count|seconds_sum|seconds_bucket|seconds_max)"));
        }
    }

    private static String run(Map<String, String> environment, String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", Repository.path(script).toString())
                .directory(Repository.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(script + " exit status; output:\n" + out).isZero();
        return out;
    }
}
