package uk.safeguarding.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.safeguarding.testkit.EmbeddedInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema job's script (deploy/compose/init/register-schemas.sh, also the release pipeline's) run for real, with
 * curl, against a registry speaking Confluent's REST API (the project's own, from the testkit): every topic's subject
 * ends with the released versions in order and BACKWARD_TRANSITIVE, and running it again changes nothing.
 */
class RegisterSchemasScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersEveryReleasedVersionUnderEachTopicsSubjectAndRunsAgainHarmlessly() throws Exception {
        String registry = EmbeddedInfrastructure.get().schemaRegistryUrl();

        run(registry);
        Map<String, List<Integer>> first = versions(registry);
        run(registry);

        for (TopicCatalogue topic : TopicCatalogue.fromCode()) {
            if (topic.record().equals("-")) {
                continue;
            }
            String subject = topic.name() + "-value";
            int released;
            try (Stream<java.nio.file.Path> files = Files.list(Repository.path("schemas/released/" + topic.record()))) {
                released = (int) files.filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc")).count();
            }
            assertThat(first.get(subject)).as(subject).isEqualTo(IntStream.rangeClosed(1, released).boxed().toList());
            assertThat(get(registry, "/config/" + subject).path("compatibilityLevel").asText())
                    .as(subject + " compatibility").isEqualTo("BACKWARD_TRANSITIVE");
            JsonNode latest = get(registry, "/subjects/" + subject + "/versions/latest");
            assertThat(JSON.readTree(latest.path("schema").asText()))
                    .isEqualTo(JSON.readTree(Repository.path("schemas/released/" + topic.record() + "/v" + released + ".avsc").toFile()));
        }
        assertThat(versions(registry)).as("after a second run").isEqualTo(first);
    }

    private Map<String, List<Integer>> versions(String registry) throws Exception {
        Map<String, List<Integer>> versions = new java.util.TreeMap<>();
        for (JsonNode subject : get(registry, "/subjects")) {
            List<Integer> numbers = new ArrayList<>();
            get(registry, "/subjects/" + subject.asText() + "/versions").forEach(v -> numbers.add(v.asInt()));
            versions.put(subject.asText(), numbers);
        }
        return versions;
    }

    private JsonNode get(String registry, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registry + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void run(String registry) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", Repository.path("deploy/compose/init/register-schemas.sh").toString())
                .directory(Repository.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SCHEMA_REGISTRY_URL", registry,
                "RELEASED_DIR", Repository.path("schemas/released").toString(),
                "TOPICS_FILE", Repository.path("deploy/compose/init/topics.tsv").toString()));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("register-schemas.sh; output:\n" + out).isZero();
        assertThat(out).contains("schemas registered");
    }
}
