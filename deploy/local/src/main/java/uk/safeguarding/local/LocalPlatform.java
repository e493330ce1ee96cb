package uk.safeguarding.local;

import uk.safeguarding.broker.KraftBroker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.ingest.IncidentIngestApplication;
import uk.safeguarding.notification.NotificationServiceApplication;
import uk.safeguarding.notification.demo.DemoSignIns;
import uk.safeguarding.platform.time.PlatformClock;
import uk.safeguarding.registry.SchemaRegistryApplication;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole platform on one machine, in one JVM: a Kafka broker (KRaft, Kafka's own server classes), PostgreSQL,
 * the schema registry, incident-ingest and notification-service, each service as its own Spring context started
 * through its {@code builder()}. Data is kept under {@code .local-data/} between runs.
 *
 * <pre>java -jar deploy/local/target/local-platform.jar [--demo] [--kafka-port=9092 ...]</pre>
 */
public final class LocalPlatform implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalPlatform.class);

    public static final String DB_REGISTRY = "schema_registry";
    public static final String DB_INGEST = "incident_ingest";
    public static final String DB_NOTIFICATION = "notification";

    private final LocalPlatformOptions options;
    private final PrintStream out;
    /** Everything started, closed in reverse order: services first, then the broker, then the database. */
    private final Deque<Part> started = new ArrayDeque<>();
    private volatile boolean closed;
    private volatile LocalMailServer mail;

    private LocalPlatform(LocalPlatformOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LocalPlatformOptions options;
        try {
            options = LocalPlatformOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = List.of(args).contains("--help") || List.of(args).contains("-h");
            if (!help) {
                System.err.println(e.getMessage());
                System.err.println();
            }
            System.err.print(LocalPlatformOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        LocalPlatform platform;
        try {
            platform = start(options, System.out);
        } catch (Ports.PortInUseException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            LOG.error("The local platform could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: services, then the broker, then PostgreSQL...");
            platform.close();
            System.out.println("Stopped. Data kept in " + options.dataDir().toAbsolutePath().normalize());
        }, "local-platform-stop"));
        platform.printUrls();
        if (options.demo()) {
            try {
                new Demo(platform, System.out).run();
            } catch (Exception e) {
                LOG.error("The demo failed; the platform keeps running", e);
            }
            if (options.exitAfterDemo()) {
                System.exit(0);
            }
        }
        System.out.println("Running. Stop with Ctrl-C.");
        // the broker's and the web servers' threads keep the JVM alive until Ctrl-C
    }

    /**
     * Starts every part, in order, after checking every port is free. If a part fails, what had started is stopped
     * again before the exception is thrown.
     */
    public static LocalPlatform start(LocalPlatformOptions options, PrintStream out) throws Exception {
        Ports.requireFree(options);
        LocalPlatform platform = new LocalPlatform(options, out);
        try {
            platform.startAll();
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void startAll() throws Exception {
        long t0 = System.nanoTime();
        Path data = options.dataDir();
        LocalPostgres postgres = step("PostgreSQL on :" + options.postgresPort(),
                () -> LocalPostgres.start(options.postgresPort(), data.resolve("postgres")));
        started.push(new Part("PostgreSQL", postgres));
        postgres.createMissingDatabases(DB_REGISTRY, DB_INGEST, DB_NOTIFICATION);

        LocalMailServer mail = step("mail server (SMTP :" + options.smtpPort() + ", IMAP :" + options.imapPort() + ")",
                () -> LocalMailServer.start(options.smtpPort(), options.imapPort()));
        started.push(new Part("mail server", mail));
        this.mail = mail;
        MailPage page = step("page of the email received on :" + options.mailPagePort(),
                () -> MailPage.start(options.mailPagePort(), mail, options.imapPort()));
        started.push(new Part("page of the email received", page));

        KraftBroker kafka = step("Kafka broker on :" + options.kafkaPort() + " (KRaft controller :"
                        + options.kafkaControllerPort() + ")",
                () -> KraftBroker.start(options.kafkaPort(), options.kafkaControllerPort(), data.resolve("kafka")));
        started.push(new Part("Kafka broker", kafka));
        List<String> created = kafka.createMissingTopics();
        if (!created.isEmpty()) {
            out.println("  created topics " + String.join(", ", created));
        }

        ConfigurableApplicationContext registry = step("schema registry on :" + options.registryPort(),
                () -> run(SchemaRegistryApplication.builder(), options.registryPort(), DB_REGISTRY, Map.of()));
        started.push(new Part("schema registry", registry::close));

        Map<String, String> notificationSettings = new java.util.LinkedHashMap<>(Map.of(
                "notification.demo-directory", "true",
                "notification.secrets.key", secretsKey(data),
                "spring.mail.host", "localhost",
                "spring.mail.port", String.valueOf(options.smtpPort()),
                "notification.inbox.base-url", inboxUrl()));
        if (options.splitDelivery()) {
            notificationSettings.put("spring.profiles.active", "routing");
        }
        ConfigurableApplicationContext notification = step("notification-service on :" + options.notificationPort()
                        + (options.splitDelivery() ? " (routing)" : ""),
                () -> run(NotificationServiceApplication.builder(), options.notificationPort(), DB_NOTIFICATION,
                        notificationSettings));
        started.push(new Part("notification-service", notification::close));
        if (options.splitDelivery()) {
            // the same jar as its own service, delivery only: it meets routing on the alert topics
            notificationSettings.put("spring.profiles.active", "delivery");
            notificationSettings.remove("notification.demo-directory");
            ConfigurableApplicationContext delivery = step("notification-service delivery on :"
                            + options.deliveryPort(),
                    () -> run(NotificationServiceApplication.builder(), options.deliveryPort(), DB_NOTIFICATION,
                            notificationSettings));
            started.push(new Part("notification-service delivery", delivery::close));
        }

        ConfigurableApplicationContext ingest = step("incident-ingest on :" + options.ingestPort(),
                () -> run(IncidentIngestApplication.builder(), options.ingestPort(), DB_INGEST, localIssuer()));
        started.push(new Part("incident-ingest", ingest::close));

        out.printf(Locale.ROOT, "Started in %.1f s; %s.%n", (System.nanoTime() - t0) / 1e9, memory());
    }

    /**
     * Starts one service through its builder. Properties go in as command-line arguments, so they win over the
     * service's own YAML (builder properties would be defaults, below the YAML).
     */
    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, int port, String database,
                                               Map<String, String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--platform.kafka.bootstrap-servers=" + kafkaBootstrapServers(),
                "--platform.schema-registry.url=" + registryUrl(),
                "--spring.datasource.url=" + jdbcUrl(database),
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=" + LocalPostgres.PASSWORD,
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                // benign at startup with two batch bindings on one binder; they would bury the console's summary
                "--logging.level.org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder=error",
                "--logging.level.io.micrometer.core.instrument.MeterRegistry=error"));
        if (options.clockOffset() != null) {
            args.add("--" + PlatformClock.OFFSET_PROPERTY + "=" + options.clockOffset());
        }
        extra.forEach((k, v) -> args.add("--" + k + "=" + v));
        // this launcher closes every context in order on Ctrl-C
        return builder.registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    /** incident-ingest's own token issuer with the local police systems: the local run needs no identity provider. */
    /**
     * The local run's key for the secrets notification-service keeps encrypted (webhook signing secrets): made once,
     * kept beside the data it protects, as production keeps its key in the secret store.
     */
    private static String secretsKey(Path data) {
        try {
            Path file = data.resolve("notification-secrets.key");
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createDirectories(data);
                java.nio.file.Files.writeString(file, uk.safeguarding.platform.secrets.SecretBox.newKey());
            }
            return java.nio.file.Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the local secrets key in " + data, e);
        }
    }

    private static Map<String, String> localIssuer() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String p : LocalPoliceSystems.ingestProperties(LocalPoliceSystems.ALL)) {
            properties.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        return properties;
    }

    private <T> T step(String what, Checked<T> start) throws Exception {
        long t0 = System.nanoTime();
        T result = start.get();
        out.printf(Locale.ROOT, "  %-55s ready in %4.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        return result;
    }

    /** Resident memory of this process where the system tells it (Linux), else the heap in use. */
    static String memory() {
        Runtime rt = Runtime.getRuntime();
        String heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " MB of heap in use";
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return kb / 1024 + " MB resident, " + heap + " (PostgreSQL runs as its own processes)";
                }
            }
        } catch (Exception | Error e) {
            // not Linux: the heap will do
        }
        return heap;
    }

    public void printUrls() {
        String ingest = ingestUrl(), notification = notificationUrl();
        out.println();
        out.println("Safeguarding notification platform, running locally");
        out.println("--------------------------------------------------------------------------------");
        row("Submit an incident", "POST " + ingest + "/api/v1/incidents  (bearer token, see below)");
        row("Token for a police system", "POST " + ingest + LocalPoliceSystems.TOKEN_PATH + "  (local issuer)");
        row("incident-ingest API documentation", ingest + "/docs");
        row("incident-ingest OpenAPI", ingest + "/v3/api-docs");
        row("Secure inbox (sign in)", inboxUrl() + "/sign-in");
        row("notification directory API", notification + Urls.NOTIFICATION_ADMIN_PATH
                + "/import (POST, HTTP Basic as a demo DIRECTORY_ADMIN below)");
        row("notification Swagger UI", notification + "/swagger-ui.html (sign in with a demo account below)");
        row("notification OpenAPI", notification + "/v3/api-docs (signed in)");
        row("schema registry", registryUrl() + "/subjects");
        row("Kafka broker", kafkaBootstrapServers());
        row("mail server (SMTP)", "localhost:" + options.smtpPort() + "  (local only: email notices land here)");
        row("email received (page)", mailPageUrl() + "  (every email, newest first)");
        row("email received (IMAP)", "localhost:" + options.imapPort() + "  (user: the address it went to; any password)");
        row("PostgreSQL (user postgres)", jdbcUrl(DB_INGEST));
        row("", jdbcUrl(DB_NOTIFICATION));
        row("", jdbcUrl(DB_REGISTRY));
        row("data kept in", options.dataDir().toAbsolutePath().normalize().toString());
        out.println("--------------------------------------------------------------------------------");
        out.print(LocalPoliceSystems.describe(ingest));
        out.println("--------------------------------------------------------------------------------");
        out.print(DemoSignIns.describe(options.splitDelivery() ? deliveryUrl() : notification));
        out.println("--------------------------------------------------------------------------------");
        out.println();
    }

    private void row(String label, String value) {
        out.printf("  %-28s %s%n", label, value);
    }

    public LocalPlatformOptions options() {
        return options;
    }

    /** The local mail server the email notices are sent to. */
    public LocalMailServer mail() {
        return mail;
    }

    /** The page listing the email the local mail server received. */
    public String mailPageUrl() {
        return "http://localhost:" + options.mailPagePort() + "/";
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + options.kafkaPort();
    }

    public String registryUrl() {
        return "http://localhost:" + options.registryPort();
    }

    public String ingestUrl() {
        return "http://localhost:" + options.ingestPort();
    }

    /** The clock the services read (see {@link LocalPlatformOptions#clock()}). */
    public java.time.Clock clock() {
        return options.clock();
    }

    public String notificationUrl() {
        return "http://localhost:" + options.notificationPort();
    }

    /** Where notification-service's delivery runs: its own port with --delivery-port, else notification-service's. */
    public String deliveryUrl() {
        return options.splitDelivery() ? "http://localhost:" + options.deliveryPort() : notificationUrl();
    }

    /** The secure inbox, on the service running delivery. */
    public String inboxUrl() {
        return deliveryUrl() + "/inbox";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + options.postgresPort() + "/" + database;
    }

    /** Stops services, then the broker, then the database. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.closeable().close();
            } catch (Exception e) {
                System.err.println("Stopping " + part.name() + ": " + e);
            }
        }
    }

    /** Paths the launcher prints. */
    static final class Urls {
        static final String NOTIFICATION_ADMIN_PATH = "/api/v1/directory";

        private Urls() {
        }
    }

    @FunctionalInterface
    private interface Checked<T> {
        T get() throws Exception;
    }

    private record Part(String name, AutoCloseable closeable) {
    }
}
