package uk.safeguarding.local.e2e;

import uk.safeguarding.testkit.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Confluent's own Node client (@confluentinc/schemaregistry's AvroDeserializer, with kafkajs) reads what the
 * platform writes: every agency topic, the unresolved topic and the incidents topic, decoding with schemas fetched
 * from our registry. Proves the wire format and the registry API are Confluent's, not just self-consistent.
 */
@ExtendWith({ConfluentClientReadsPlatformRecordsTest.NodeAvailable.class, RunningServices.class})
class ConfluentClientReadsPlatformRecordsTest {

    private static final long NODE_TIMEOUT_SECONDS = 90;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void confluentsNodeClientDecodesTheSameAlertsUnresolvedChildrenAndIncidentsAsJava() throws Exception {
        Path interop = interopDirectory();
        requireNodeAndModules(interop);
        Services services = RunningServices.services();

        // given an incident routed by the platform: alerts on every agency topic but local authority, and a child
        // the directory does not know
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("CONFLUENT")).build();
        incident.getChildren().add(SampleIncidents.child("Robin", "Unlisted", TestClock.bornYearsAgo(10, 8, 30)).build());
        assertThat(services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident))
                .status()).isEqualTo(202);
        Map<AgencyKind, List<AgencyAlert>> javaAlerts;
        List<ChildUnresolved> javaUnresolved;
        try (AgencyTopics topics = new AgencyTopics()) {
            javaAlerts = topics.await(incident.getIncidentId(), 1, AgencyTopics.expectedForHousehold());
            javaUnresolved = topics.unresolved().await(1, u -> u.getIncidentId().equals(incident.getIncidentId()));
        }
        AgencyTopics.awaitNotificationCaughtUp(services);

        // when Confluent's Node client reads every platform topic
        List<String> topicNames = new ArrayList<>();
        Topics.alertTopics().values().forEach(t -> topicNames.add(t.name()));
        topicNames.add(Topics.UNRESOLVED.name());
        topicNames.add(Topics.INCIDENTS.name());
        List<JsonNode> read = readWithNode(interop, services, topicNames);

        // then it decodes every record the platform wrote (the incidents topic may also hold other tests'
        // deliberately malformed records, which no client can decode)
        assertThat(read.stream().filter(r -> r.has("error")).toList()).allSatisfy(r -> {
            assertThat(r.path("topic").asText()).as("undecodable record %s", r).isEqualTo(Topics.INCIDENTS.name());
            assertThat(r.path("key").asText()).isNotEqualTo(incident.getIncidentId());
        });
        // and, on every agency topic, the same alerts with the same fields as Java
        for (Map.Entry<AgencyKind, Topics.Topic<AgencyAlert>> entry : Topics.alertTopics().entrySet()) {
            List<AgencyAlert> expected = javaAlerts.get(entry.getKey());
            List<JsonNode> decoded = ofIncident(read, entry.getValue().name(), incident.getIncidentId());
            assertThat(decoded).as(entry.getValue().name()).hasSize(expected.size());
            Map<String, JsonNode> byId = decoded.stream().collect(Collectors.toMap(
                    r -> r.path("value").path("alertId").asText(), r -> r));
            for (AgencyAlert alert : expected) {
                JsonNode record = byId.get(alert.getAlertId());
                assertThat(record).as("alert %s on %s", alert.getAlertId(), entry.getValue().name()).isNotNull();
                JsonNode v = record.path("value");
                assertThat(record.path("key").asText()).isEqualTo(alert.getRecipient().getOrganisationId());
                assertThat(v.path("incidentRevision").asInt()).isEqualTo(alert.getIncidentRevision());
                assertThat(v.path("policeReference").asText()).isEqualTo(alert.getPoliceReference());
                assertThat(v.path("recipient").path("organisationId").asText()).isEqualTo(alert.getRecipient().getOrganisationId());
                assertThat(v.path("recipient").path("organisationName").asText()).isEqualTo(alert.getRecipient().getOrganisationName());
                assertThat(v.path("recipient").path("kind").asText()).isEqualTo(alert.getRecipient().getKind().name());
                assertThat(v.path("child").path("childId").asText()).isEqualTo(alert.getChild().getChildId());
                assertThat(v.path("child").path("givenName").asText()).isEqualTo(alert.getChild().getGivenName());
                // logical types travel as their Avro encodings: date = days since the epoch, timestamp = millis
                assertThat(v.path("child").path("dateOfBirth").asLong()).isEqualTo(alert.getChild().getDateOfBirth().toEpochDay());
                assertThat(v.path("routedAt").asLong()).isEqualTo(alert.getRoutedAt().toEpochMilli());
                assertThat(v.path("routingReason").asText()).isEqualTo(alert.getRoutingReason().name());
                assertThat(v.path("routingDetail").asText()).isEqualTo(alert.getRoutingDetail());
                assertThat(v.path("disclosed").path("occurredAt").asLong())
                        .isEqualTo(alert.getDisclosed().getOccurredAt().toEpochMilli());
                assertThat(v.path("disclosed").path("voiceOfChild").isNull() ? null
                        : v.path("disclosed").path("voiceOfChild").asText()).isEqualTo(alert.getDisclosed().getVoiceOfChild());
                assertThat(v.path("disclosed").path("attendingOfficer").path("name").asText())
                        .isEqualTo(alert.getDisclosed().getAttendingOfficer().getName());
                if (alert.getDisclosed().getSupervisedAdult() != null) {
                    assertThat(v.path("disclosed").path("supervisedAdult").path("caseReference").asText())
                            .isEqualTo(alert.getDisclosed().getSupervisedAdult().getCaseReference());
                }
            }
        }
        // and the same unresolved child
        ChildUnresolved unresolved = javaUnresolved.get(0);
        assertThat(ofIncident(read, Topics.UNRESOLVED.name(), incident.getIncidentId())).singleElement().satisfies(r -> {
            JsonNode v = r.path("value");
            assertThat(v.path("givenName").asText()).isEqualTo(unresolved.getGivenName());
            assertThat(v.path("familyName").asText()).isEqualTo(unresolved.getFamilyName());
            assertThat(v.path("childIndex").asInt()).isEqualTo(unresolved.getChildIndex());
            assertThat(v.path("reason").asText()).isEqualTo(unresolved.getReason().name());
            assertThat(v.path("dateOfBirth").asLong()).isEqualTo(unresolved.getDateOfBirth().toEpochDay());
            assertThat(v.path("detectedAt").asLong()).isEqualTo(unresolved.getDetectedAt().toEpochMilli());
        });
        // and the incident as incident-ingest published it
        assertThat(ofIncident(read, Topics.INCIDENTS.name(), incident.getIncidentId())).singleElement().satisfies(r -> {
            JsonNode v = r.path("value");
            assertThat(r.path("key").asText()).isEqualTo(incident.getIncidentId());
            assertThat(v.path("forceCode").asText()).isEqualTo(incident.getForceCode());
            assertThat(v.path("policeReference").asText()).isEqualTo(incident.getPoliceReference());
            assertThat(v.path("revision").asInt()).isEqualTo(1);
            assertThat(v.path("occurredAt").asLong()).isEqualTo(incident.getOccurredAt().toEpochMilli());
            assertThat(v.path("riskLevel").asText()).isEqualTo(incident.getRiskLevel().name());
            List<String> children = new ArrayList<>();
            v.path("children").forEach(c -> children.add(c.path("givenName").asText()));
            assertThat(children).containsExactly("Ava", "Ben", "Robin");
            assertThat(v.path("adults").get(1).path("identifiers").get(0).path("value").asText())
                    .isEqualTo(household.suspectPnc);
        });
    }

    private List<JsonNode> readWithNode(Path interop, Services services, List<String> topics) throws Exception {
        Path stderr = Files.createTempFile("read-alerts", ".stderr");
        Process process = new ProcessBuilder("node", "read-alerts.mjs",
                "--broker", services.kafkaBootstrapServers(),
                "--registry", services.registryUrl(),
                "--topics", String.join(",", topics),
                "--timeout-ms", String.valueOf((NODE_TIMEOUT_SECONDS - 10) * 1000))
                .directory(interop.toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().close();
        byte[] out;
        try (var in = process.getInputStream()) {
            out = in.readAllBytes(); // ends when node exits (or is killed below)
        }
        if (!process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node read-alerts.mjs did not finish within " + NODE_TIMEOUT_SECONDS + " s");
        }
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        assertThat(process.exitValue()).as("node read-alerts.mjs exit code; stderr:%n%s", errors).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }

    private static List<JsonNode> ofIncident(List<JsonNode> records, String topic, String incidentId) {
        return records.stream().filter(r -> r.path("topic").asText().equals(topic))
                .filter(r -> r.path("value").path("incidentId").asText().equals(incidentId)).toList();
    }

    /** interop/node of this repository (this module runs from deploy/local). */
    static Path interopDirectory() {
        String configured = System.getProperty("interop.node.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath().resolve("../../interop/node").normalize();
    }

    /** Skips the class before any service starts when Node is missing (on CI the test itself fails instead). */
    static final class NodeAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missing(interopDirectory());
            if (missing == null || "true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("node and its modules are there, or CI must fail without them");
            }
            return ConditionEvaluationResult.disabled("Confluent client interop test needs Node.js and its modules: " + missing);
        }
    }

    /** Without node or the installed modules: fail on CI, skip (with the reason) elsewhere. */
    static void requireNodeAndModules(Path interop) {
        String missing = missing(interop);
        if (missing == null) {
            return;
        }
        String message = "Confluent client interop test needs Node.js and its modules: " + missing;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** What is missing to run the Node client, or null. */
    static String missing(Path interop) {
        String missing = null;
        if (!onPath("node")) {
            missing = "`node` is not on the PATH";
        } else if (!Files.isDirectory(interop.resolve("node_modules/@confluentinc/schemaregistry"))
                || !Files.isDirectory(interop.resolve("node_modules/kafkajs"))) {
            missing = interop.resolve("node_modules") + " lacks @confluentinc/schemaregistry or kafkajs"
                    + " (run `npm ci` in " + interop + ")";
        }
        return missing;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
