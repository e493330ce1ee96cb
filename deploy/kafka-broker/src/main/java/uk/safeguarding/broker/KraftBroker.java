package uk.safeguarding.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import uk.safeguarding.schemas.Topics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), from Kafka's own server classes, on fixed
 * ports and a log directory of its own. The directory is formatted only when it has never been, so data survives a
 * restart; {@link #stop()} and {@link #start()} restart it on the same ports and directory, which is what a broker
 * restart looks like to its clients (spring-kafka-test's embedded broker cannot be restarted). Used by the local run
 * and by the fault tests.
 */
public final class KraftBroker implements AutoCloseable {

    private final int port;
    private final Properties properties;
    private KafkaRaftServer server;

    private KraftBroker(int port, Properties properties) {
        this.port = port;
        this.properties = properties;
    }

    /**
     * Starts a broker on these ports, formatting {@code dataDir} first if it has never been formatted.
     *
     * @param settings broker settings over this class's defaults (e.g. {@code auto.create.topics.enable=false})
     */
    public static KraftBroker start(int port, int controllerPort, Path dataDir, Map<String, String> settings)
            throws IOException {
        Path logDir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(logDir);
        Properties p = serverProperties(port, controllerPort, logDir);
        p.putAll(settings);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(p, logDir);
        }
        KraftBroker broker = new KraftBroker(port, p);
        broker.start();
        return broker;
    }

    public static KraftBroker start(int port, int controllerPort, Path dataDir) throws IOException {
        return start(port, controllerPort, dataDir, Map.of());
    }

    static Properties serverProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(Topics.PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the default dedupe buffer is 128 MiB of heap; compacted topics here are tiny
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        return p;
    }

    private static void format(Properties p, Path logDir) throws IOException {
        Path config = logDir.resolve("server.properties.format");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "used once to format this directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // execute(...), not main(...): main exits the JVM
            exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--ignore-formatted"}, print);
        } finally {
            Files.deleteIfExists(config);
        }
        if (exit != 0) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Starts the broker on its ports and log directory (again, after {@link #stop()}). */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("The broker is running");
        }
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            started.startup();
        } catch (RuntimeException e) {
            started.shutdown();
            throw e;
        }
        server = started;
    }

    /** A controlled shutdown: what clients see when a broker is restarted. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Creates the platform's topics that do not exist yet, with the catalogue's partitions and settings. */
    public List<String> createMissingTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.newTopics((short) 1).stream()
                    .filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
