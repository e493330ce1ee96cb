package uk.safeguarding.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RunningRegistry;
import uk.safeguarding.serde.KafkaAvroDeserializer;
import uk.safeguarding.serde.KafkaAvroSerializer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Confluent's own Node client, {@code @confluentinc/schemaregistry}, driven by interop/node/registry-peer.mjs
 * against this registry: its REST calls, its serde, and records crossing between it and the project's Java serde.
 * Needs {@code node} on the PATH and interop/node's node_modules installed (npm ci there); without them the test
 * is skipped, unless CI=true, where it fails.
 */
class ConfluentNodeClientInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;
    private static final String SCRIPT = "registry-peer.mjs";

    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("node_interop");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void confluentsNodeClientUsesTheApiAndExchangesRecordsWithTheJavaSerde() throws Exception {
        // given node, the installed client, and a record written by the project's Java serializer
        String node = requireEnvironment(findOnPath("node"), "node is not on the PATH");
        Path nodeDir = requireEnvironment(findInteropDir(), "interop/node with " + SCRIPT + " not found above "
                + Paths.get("").toAbsolutePath());
        requireEnvironment(Optional.of(nodeDir.resolve("node_modules/@confluentinc/schemaregistry"))
                .filter(Files::isDirectory), "interop/node/node_modules is missing: run npm ci in " + nodeDir);

        Map<String, Object> serdeConfig = Map.of("schema.registry.url", registry.url());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serdeConfig, false);
        GenericRecord fromJava = new GenericData.Record(new Schema.Parser().parse("""
                {"type":"record","name":"Referral","namespace":"uk.safeguarding.interop","fields":[
                  {"name":"referralId","type":"string"},
                  {"name":"school","type":"string"}]}"""));
        fromJava.put("referralId", "REF-JAVA-1");
        fromJava.put("school", "Meadow Lane Primary");
        byte[] javaBytes = serializer.serialize("interop-java", fromJava);

        // when the script runs against the registry
        JsonNode report = runScript(node, nodeDir, List.of(registry.url(), "--topic", "interop-node",
                "--java-hex", HexFormat.of().formatHex(javaBytes), "--java-topic", "interop-java"));

        // then every API call answered as Confluent's client expects
        JsonNode steps = report.path("steps");
        int id1 = steps.path("register").path("id").asInt();
        assertThat(id1).isPositive();
        assertThat(steps.path("reRegister").path("id").asInt()).isEqualTo(id1);
        assertThat(steps.path("lookup").path("version").asInt()).isEqualTo(1);
        assertThat(steps.path("getById").path("name").asText()).isEqualTo("Referral");
        assertThat(steps.path("getById").path("schemaType").isNull()).as("no schemaType for AVRO").isTrue();
        assertThat(steps.path("latest").path("version").asInt()).isEqualTo(1);
        assertThat(steps.path("compatibility").path("optionalFieldCompatible").asBoolean()).isTrue();
        assertThat(steps.path("compatibility").path("requiredFieldCompatible").asBoolean()).isFalse();
        assertThat(steps.path("config").path("global").asText()).isEqualTo("BACKWARD");
        assertThat(steps.path("config").path("subject").asText()).isEqualTo("FULL");
        assertThat(steps.path("incompatibleRefused").path("errorCode").asInt()).isEqualTo(409);
        assertThat(steps.path("evolve").path("version").asInt()).isEqualTo(2);
        assertThat(steps.path("unknownSubject").path("errorCode").asInt()).isEqualTo(40401);
        assertThat(steps.path("serdeRoundTrip").path("record").path("referralId").asText()).isEqualTo("REF-NODE-1");

        // and the Node deserializer read the Java record
        assertThat(report.path("javaRead").path("record").path("referralId").asText()).isEqualTo("REF-JAVA-1");
        assertThat(report.path("javaRead").path("record").path("school").asText()).isEqualTo("Meadow Lane Primary");

        // and the Java deserializer reads the Node record
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(serdeConfig, false);
        GenericRecord fromNode = (GenericRecord) deserializer.deserialize("interop-node",
                HexFormat.of().parseHex(report.path("nodeWritten").path("hex").asText()));
        assertThat(fromNode.get("referralId").toString()).isEqualTo("REF-NODE-1");
        assertThat(fromNode.get("school").toString()).isEqualTo("Riverside Academy");
        assertThat(fromNode.get("note").toString()).isEqualTo("written by Node");
        assertThat(fromNode.getSchema().getField("note")).isNotNull();
    }

    private static JsonNode runScript(String node, Path dir, List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(node, SCRIPT));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(SCRIPT + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String out = stdout.get(5, TimeUnit.SECONDS);
        String err = stderr.get(5, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as("%s exit code; stderr:%n%s%nstdout:%n%s", SCRIPT, err, out).isZero();
        return JSON.readTree(out);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A missing tool fails the build on CI (where it must be present) and skips the test elsewhere. */
    private static <T> T requireEnvironment(Optional<T> found, String problem) {
        if (found.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(problem + " (required when CI=true)");
            }
            abort("Skipping the Confluent Node client interop test: " + problem);
        }
        return found.get();
    }

    private static Optional<String> findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of(executable, executable + ".exe")) {
                File candidate = new File(dir, name);
                if (candidate.isFile() && candidate.canExecute()) {
                    return Optional.of(candidate.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    /** The module runs with its own directory as working directory; interop/ is beside it at the project root. */
    private static Optional<Path> findInteropDir() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("interop/node");
            if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
