package uk.safeguarding.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials come from the deployment's environment, never from the repository: every service's configuration
 * (YAML and properties under src/main/resources, and everything under deploy/) is scanned for a secret-looking key
 * with a literal value. The only literals allowed are the documented local defaults of the embedded PostgreSQL.
 * A placeholder ({@code ${SOME_ENV_VAR}}) without a default is fine; a default that is a secret is not.
 */
class SecretsNotCommittedTest {

    /** Keys whose value is a credential, by their last segment(s). */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|jaas\\.config|user\\.info|user-info|api[-_.]?key|private[-_.]?key|"
                    + "credentials|access[-_.]?token)$");
    /** An environment placeholder without a default: ${NAME} */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.\\-]+}");

    /** file name + key + value: the local run's embedded PostgreSQL, as docs/conventions.md documents them. */
    private static final Set<String> LOCAL_DEFAULTS = Set.of(
            "incident-ingest.yml spring.datasource.password=postgres",
            "notification-service.yml spring.datasource.password=notification");

    @Test
    void noServiceConfigurationCommitsACredentialOtherThanTheDocumentedLocalDefaults() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = configurationFiles(root);
        assertThat(files).as("configuration files found").extracting(f -> f.getFileName().toString())
                .contains("incident-ingest.yml", "notification-service.yml", "schema-registry.yml");

        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                yamlSecrets(file).forEach(s -> {
                    if (!LOCAL_DEFAULTS.contains(name + " " + s)) {
                        found.add(root.relativize(file) + ": " + s.substring(0, s.indexOf('=')) + " has a literal value");
                    }
                });
            }
            if (name.endsWith(".properties")) {
                java.util.Properties properties = new java.util.Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                properties.forEach((k, v) -> {
                    List<String> secrets = new ArrayList<>();
                    flatten(k.toString(), v, secrets);
                    secrets.forEach(x -> found.add(root.relativize(file) + ": " + k + " has a literal value"));
                });
            }
            String text = Files.readString(file);
            if (text.contains("PRIVATE KEY-----")) {
                found.add(root.relativize(file) + ": contains a private key");
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theProductionEnvironmentExampleLeavesEverySecretEmpty() throws IOException {
        Path example = repositoryRoot().resolve("deploy/production/platform.env.example");
        List<String> filled = Files.readAllLines(example).stream()
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .filter(l -> SECRET_KEY.matcher(l.substring(0, l.indexOf('=')).replace('_', '.')).matches())
                .filter(l -> !l.substring(l.indexOf('=') + 1).isBlank())
                .toList();

        assertThat(filled).isEmpty();
    }

    /** Flattened "key=value" of every secret-looking key with a literal value. */
    private static List<String> yamlSecrets(Path file) throws IOException {
        List<String> secrets = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                flatten("", document, secrets);
            }
        }
        return secrets;
    }

    private static void flatten(String prefix, Object node, List<String> secrets) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, secrets));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), secrets);
            }
        } else if (node != null && SECRET_KEY.matcher(prefix).matches()) {
            String value = node.toString();
            if (!value.isBlank() && !PLACEHOLDER.matcher(value.trim()).matches()) {
                secrets.add(prefix + "=" + value);
            }
        }
    }

    private static List<Path> configurationFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> {
                        String s = root.relativize(p).toString().replace('\\', '/');
                        return !s.contains("/target/") && !s.startsWith(".") && !s.contains("/node_modules/")
                                && !s.contains("/.local-data/")
                                && (s.contains("src/main/resources/") || s.startsWith("deploy/"))
                                && (s.endsWith(".yml") || s.endsWith(".yaml") || s.endsWith(".properties")
                                    || s.endsWith(".env") || s.endsWith(".example"));
                    })
                    .sorted()
                    .toList();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
