package uk.safeguarding.faults;

import uk.safeguarding.broker.KraftBroker;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import uk.safeguarding.platform.secrets.SecretBox;
import uk.safeguarding.registry.SchemaRegistryApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fault tests run on, started once per test JVM: a restartable KRaft broker, an embedded PostgreSQL (zonky),
 * the project's schema registry (in this JVM), and two notification-service instances as processes of their own
 * ({@code notification-a}, {@code notification-b}) with the same database, broker, registry and secrets key and
 * distinct instance ids, plus a directory of {@link #HOUSEHOLDS} households loaded through the directory API.
 *
 * <p>The instances run as a routing instance runs when delivery has an instance of its own (README, "Tests"):
 * routing and directory changes only, no delivery dispatch, status relay or escalation. Concern rules are off, so
 * each incident yields exactly the alerts {@link Households} predicts. Each routes with one thread and small
 * batches (many transactions, so a kill lands inside one); the consumers' session timeout is the broker's minimum
 * (6 s) and the transaction timeout 10 s, so the survivor takes the dead instance's partitions, and can read their
 * committed offsets, within seconds rather than the defaults' 45 s and 60 s.
 */
final class FaultPlatform implements ExtensionContext.Store.CloseableResource {

    static final String DATABASE = "notification";
    static final String ROUTING_GROUP = "notification-service";
    static final int HOUSEHOLDS = 30;
    private static final String ADMIN_EMAIL = "faults-directory-admin@platform.example";
    private static final String ADMIN_PASSWORD = "faults-admin-password";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultPlatform.class);

    final Path workDir;
    final KraftBroker broker;
    final EmbeddedPostgres postgres;
    final ConfigurableApplicationContext registry;
    final String registryUrl;
    final ServiceProcess a;
    final ServiceProcess b;
    final Households households = new Households(HOUSEHOLDS, 20261204L);
    final JdbcTemplate db;

    private FaultPlatform() throws Exception {
        workDir = Path.of(System.getProperty("faults.work-dir", "target/faults")).toAbsolutePath();
        Files.createDirectories(workDir);
        try (var oldLogs = Files.newDirectoryStream(workDir, "*.log")) {
            for (Path log : oldLogs) {
                Files.delete(log); // this run's logs only
            }
        }
        Path kafkaData = workDir.resolve("kafka");
        if (Files.exists(kafkaData)) {
            try (var files = Files.walk(kafkaData)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete()); // a fresh broker each run
            }
        }
        // no topic made by a client's mistake: every topic is the catalogue's
        int[] ports = FreePorts.several(2);
        broker = KraftBroker.start(ports[0], ports[1], kafkaData, Map.of("auto.create.topics.enable", "false"));
        broker.createMissingTopics();
        postgres = EmbeddedPostgres.builder().start();
        createDatabase("schema_registry");
        createDatabase(DATABASE);
        db = new JdbcTemplate(postgres.getDatabase("postgres", DATABASE));
        registry = SchemaRegistryApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "schema_registry"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
        registryUrl = "http://localhost:" + ((WebServerApplicationContext) registry).getWebServer().getPort();

        Path jar = Path.of(System.getProperty("faults.notification-jar",
                "target/services/notification-service-exec.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No notification-service exec jar at " + jar
                    + " (the module copies it in pre-integration-test: run ./mvnw verify)");
        }
        String secretsKey = SecretBox.newKey(); // one key for both: they read each other's encrypted rows
        a = new ServiceProcess("notification-a", jar, workDir, serviceProperties("faults-a", secretsKey));
        b = new ServiceProcess("notification-b", jar, workDir, serviceProperties("faults-b", secretsKey));
        a.start(); // the first runs the migrations
        loadDirectory(a);
        b.start();
    }

    /**
     * The platform of this test run, started by the first test class that asks; JUnit's root store closes it when the
     * run ends (the instances first, then the registry, the broker and the database).
     */
    static FaultPlatform get(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(FaultPlatform.class, k -> {
            try {
                return new FaultPlatform();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the fault tests' platform", e);
            }
        }, FaultPlatform.class);
    }

    /** Gives a test class's {@code @BeforeAll static void platform(FaultPlatform p)} the platform. */
    static final class Running implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == FaultPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", registryUrl);
    }

    List<ServiceProcess> instances() {
        return List.of(a, b);
    }

    /** Both instances running (a test that killed one restarts it; this checks nothing was left down). */
    void ensureBothRunning() {
        for (ServiceProcess p : instances()) {
            if (!p.alive()) {
                p.start();
            }
        }
    }

    /** Lines of every instance's logs of this run containing the text. */
    long logLinesContaining(String text) throws java.io.IOException {
        long count = 0;
        try (var logs = Files.newDirectoryStream(workDir, "*.log")) {
            for (Path log : logs) {
                try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    count += lines.filter(l -> l.contains(text)).count();
                }
            }
        }
        return count;
    }

    private Map<String, String> serviceProperties(String instanceId, String secretsKey) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.main.banner-mode", "off");
        p.put("platform.kafka.bootstrap-servers", broker.bootstrapServers());
        p.put("platform.schema-registry.url", registryUrl);
        p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", DATABASE));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("notification.secrets.key", secretsKey);
        p.put("notification.instance-id", instanceId);
        String clockOffset = System.getProperty("platform.clock.offset", "");
        if (!clockOffset.isBlank()) {
            p.put("platform.clock.offset", clockOffset);
        }
        // a routing instance (delivery on an instance of its own), as in the README's throughput runs
        p.put("spring.cloud.function.definition", "routeIncidents;applyDirectoryChanges");
        p.put("notification.delivery.dispatch-enabled", "false");
        p.put("notification.status-relay.enabled", "false");
        p.put("notification.escalation.enabled", "false");
        p.put("notification.concerns.enabled", "false");
        // one routing thread each (so each instance owns incident partitions), small batches (many transactions)
        p.put("notification.routing-concurrency", "1");
        p.put("notification.max-poll-records", "20");
        // a dead instance's partitions move to the survivor after the session timeout (the broker's minimum)
        p.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "6000");
        p.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", "1500");
        // a dead instance's open transaction holds its partitions' committed offsets (the next owner cannot read
        // them) until the broker aborts it: 60 s by default, 10 s here (see NOTES-faults.md: routing stalls)
        p.put("spring.cloud.stream.kafka.binder.transaction.producer.configuration.transaction.timeout.ms", "10000");
        // tells the instances apart in the consumer group (the broker's view of who owns which partition)
        p.put("spring.cloud.stream.kafka.bindings.routeIncidents-in-0.consumer.configuration.client.id", instanceId);
        p.put("logging.level.org.apache.kafka", "WARN");
        return p;
    }

    private void createDatabase(String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database \"" + name + "\"");
        }
    }

    /** The directory administrator is written straight into the database (people are not part of any API). */
    private void loadDirectory(ServiceProcess service) throws Exception {
        db.update("insert into organisation (id, name, kind) values ('FLT-PLATFORM', 'Fault tests platform team',"
                + " 'LOCAL_AUTHORITY') on conflict do nothing");
        db.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                        + " values ('FLT-ADMIN', 'FLT-PLATFORM', 'Fault tests admin', ?, 'DIRECTORY_ADMIN', ?)"
                        + " on conflict do nothing",
                ADMIN_EMAIL, new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD));
        String body = new ObjectMapper().writeValueAsString(households.directoryDocument());
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(service.url() + "/api/v1/directory/import"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Directory import answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        for (ServiceProcess p : List.of(a, b)) {
            try {
                p.close();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + p.name() + ": " + e);
            }
        }
        try {
            registry.close();
            broker.close();
            postgres.close();
        } catch (Exception e) {
            System.err.println("Stopping the fault tests' platform: " + e);
        }
    }
}
