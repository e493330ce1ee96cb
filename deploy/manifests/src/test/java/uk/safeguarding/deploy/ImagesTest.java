package uk.safeguarding.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images the services' builds wrote (jib-maven-plugin buildTar, {@code <module>/target/jib-image.tar}, the
 * {@code docker load} format) hold the application and start it as expected: read from the tarball's manifest,
 * image config and layers, with no Docker daemon.
 */
class ImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "incident-ingest, uk.safeguarding.ingest.IncidentIngestApplication, 8080",
            "notification-service, uk.safeguarding.notification.NotificationServiceApplication, 8082",
            "schema-registry, uk.safeguarding.registry.SchemaRegistryApplication, 8081"})
    void theServicesImageStartsItsApplicationAsANonRootUserWithContainerAwareJvmFlags(String module, String mainClass,
                                                                                      int port) throws IOException {
        Path tar = Repository.path(module + "/target/jib-image.tar");
        Assumptions.assumeFalse(Boolean.getBoolean("images.skipped"), "images not built (-Djib.skip)");
        assertThat(tar).as("the image tarball the build writes at package (jib:buildTar)").exists();

        Image image = Image.read(tar);

        assertThat(image.repoTags()).containsExactly(System.getProperty("image.repository", "safeguarding") + "/"
                + module + ":" + System.getProperty("project.version"));
        JsonNode config = image.config().path("config");
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint).as("entrypoint").first().isEqualTo("java");
        assertThat(entrypoint).as("entrypoint").endsWith("-cp", "@/app/jib-classpath-file", mainClass)
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
        assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull() || config.path("Cmd").isEmpty())
                .as("no Cmd: arguments given to the container go to the application").isTrue();
        assertThat(config.path("User").asText()).as("user").isEqualTo("65532:65532");
        assertThat(config.path("ExposedPorts").has(port + "/tcp")).as("exposes " + port).isTrue();
        assertThat(strings(config.path("Env"))).anyMatch(e -> e.startsWith("PATH=") && e.contains("/opt/java/openjdk/bin"));
        assertThat(config.path("Labels").path("uk.safeguarding.health-probe").asText())
                .isEqualTo("java -cp /opt/safeguarding/healthprobe HealthProbe http://127.0.0.1:" + port
                        + "/actuator/health/readiness");

        String classFile = "app/classes/" + mainClass.replace('.', '/') + ".class";
        assertThat(image.files()).as("files of the image")
                .contains(classFile, "app/jib-classpath-file", "app/jib-main-class-file",
                        "opt/safeguarding/healthprobe/HealthProbe.class", "opt/java/openjdk/bin/java")
                .anyMatch(f -> f.startsWith("app/libs/spring-boot-3."));
        assertThat(image.text("app/jib-main-class-file").strip()).isEqualTo(mainClass);
        assertThat(image.text("app/jib-classpath-file")).contains("/app/classes", "/app/resources", "/app/libs/");
        if (image.text("etc/os-release") != null && image.text("etc/os-release").contains("safeguarding-java-base")) {
            assertThat(image.text("etc/passwd")).as("the base's user").contains("nonroot:x:65532:65532:");
            assertThat(image.files()).contains("tmp/");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** A {@code docker save}-format tarball: manifest.json, the image config, gzipped or plain layer tarballs. */
    record Image(List<String> repoTags, JsonNode config, Set<String> files, Map<String, String> texts) {

        private static final Set<String> TEXTS = Set.of("app/jib-main-class-file", "app/jib-classpath-file",
                "etc/passwd", "etc/os-release");

        String text(String path) {
            return texts.get(path);
        }

        static Image read(Path tar) throws IOException {
            Map<String, byte[]> entries = new HashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                TarArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (entry.isFile()) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
            JsonNode config = JSON.readTree(entries.get(manifest.path("Config").asText()));
            List<String> tags = new ArrayList<>();
            manifest.path("RepoTags").forEach(t -> tags.add(t.asText()));
            Set<String> files = new HashSet<>();
            Map<String, String> texts = new HashMap<>();
            for (JsonNode layer : manifest.path("Layers")) {
                byte[] bytes = entries.get(layer.asText());
                InputStream raw = new java.io.ByteArrayInputStream(bytes);
                InputStream layerStream = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b
                        ? new GZIPInputStream(raw) : raw;
                try (TarArchiveInputStream in = new TarArchiveInputStream(layerStream)) {
                    TarArchiveEntry entry;
                    while ((entry = in.getNextEntry()) != null) {
                        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                        files.add(name);
                        if (TEXTS.contains(name) && entry.isFile()) {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            in.transferTo(out);
                            texts.put(name, out.toString(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return new Image(tags, config, files, texts);
        }
    }
}
