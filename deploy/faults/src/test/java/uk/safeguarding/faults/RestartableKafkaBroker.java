package uk.safeguarding.faults;

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
 * A single-node KRaft broker (broker and controller in one) from Kafka's own server classes, on fixed ports and a log
 * directory of its own, that can be stopped and started again on the same ports and directory: what a broker restart
 * looks like to its clients. (spring-kafka-test's embedded broker cannot be restarted.)
 */
final class RestartableKafkaBroker implements AutoCloseable {

    private final int port;
    private final Properties properties;
    private KafkaRaftServer server;

    private RestartableKafkaBroker(int port, Properties properties) {
        this.port = port;
        this.properties = properties;
    }

    static RestartableKafkaBroker startFresh(Path logDir) throws IOException {
        Path dir = logDir.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        int port = FreePorts.one();
        int controllerPort = FreePorts.one();
        Properties p = serverProperties(port, controllerPort, dir);
        format(p, dir);
        RestartableKafkaBroker broker = new RestartableKafkaBroker(port, p);
        broker.start();
        return broker;
    }

    private static Properties serverProperties(int port, int controllerPort, Path logDir) {
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
        p.put("auto.create.topics.enable", "false");
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
            exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, print);
        } finally {
            Files.deleteIfExists(config);
        }
        if (exit != 0) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Starts the broker on its ports and log directory (again, after {@link #stop()}). */
    synchronized void start() {
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
    synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Every platform topic, with the catalogue's partitions and settings. */
    void createPlatformTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.newTopics((short) 1).stream()
                    .filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
