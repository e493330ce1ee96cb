package uk.safeguarding.faults;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One notification-service instance as an operating-system process of its own: {@code java -jar
 * notification-service-exec.jar --key=value ...}, started straight from this JVM (no shell, so {@link Process#pid()}
 * is the service's JVM), its console written to {@code target/faults/<name>-<start>.log}. Killed with SIGKILL
 * ({@link Process#destroyForcibly()}): no shutdown hook, no rebalance, no transaction closed; whatever was in flight
 * is left as a crash leaves it.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path logDir;
    private final Map<String, String> properties;
    private final int port;
    private Process process;
    private int starts;
    private Path log;

    ServiceProcess(String name, Path jar, Path logDir, Map<String, String> properties) {
        this.name = name;
        this.jar = jar;
        this.logDir = logDir;
        this.port = FreePorts.one();
        this.properties = new LinkedHashMap<>(properties);
        this.properties.put("server.port", String.valueOf(port));
    }

    String name() {
        return name;
    }

    /** {@code notification.instance-id}: its transactional ids' prefix, and its routing consumer's client id. */
    String instanceId() {
        return properties.get("notification.instance-id");
    }

    String url() {
        return "http://localhost:" + port;
    }

    synchronized long pid() {
        return process.pid();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized Path log() {
        return log;
    }

    /** Starts the service and waits until it answers ready (its consumers running, none stuck). */
    ServiceProcess start() {
        synchronized (this) {
            if (alive()) {
                throw new IllegalStateException(name + " is running");
            }
            starts++;
            log = logDir.resolve(name + "-" + starts + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // small and quick to start: two of these share two cores with the broker, PostgreSQL and the test
            command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
            command.add("-jar");
            command.add(jar.toString());
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            try {
                Files.createDirectories(logDir);
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + name, e);
            }
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        Awaitility.await(name + " ready (log: " + log + ")")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!alive()) {
                        throw new IllegalStateException(name + " exited while starting:\n" + tail());
                    }
                    return ready();
                });
    }

    boolean ready() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL to the service's JVM, and waits until it is gone. */
    void kill() {
        Process p;
        synchronized (this) {
            p = process;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + p.pid() + ") still running after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the current log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM (a graceful stop) at the end of the run. */
    @Override
    public void close() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
