package uk.safeguarding.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The manifests under deploy/kubernetes, each document with the file it came from. */
final class Kubernetes {

    static final String DIR = "deploy/kubernetes";

    record Resource(String file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return Repository.string(body, "metadata.name");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file + ")";
        }
    }

    private Kubernetes() {
    }

    static List<String> files() {
        Path root = Repository.path(DIR);
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (String file : files()) {
            Repository.yamlDocuments(Repository.path(DIR + "/" + file)).forEach(d -> resources.add(new Resource(file, d)));
        }
        return resources;
    }

    static List<Resource> ofKind(String kind) {
        return resources().stream().filter(r -> kind.equals(r.kind())).toList();
    }

    static Resource named(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(r.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + DIR));
    }
}
