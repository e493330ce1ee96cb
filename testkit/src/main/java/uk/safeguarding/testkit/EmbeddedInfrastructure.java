package uk.safeguarding.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.safeguarding.registry.SchemaRegistryApplication;
import uk.safeguarding.schemas.Topics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real parts every integration test runs on, started once per test JVM and shared by all its test classes: a
 * KRaft Kafka broker (spring-kafka-test), a PostgreSQL server (zonky), and the project's schema registry on a free
 * port. Each service gets its own database in the one server, as in production.
 *
 * <p>Use from a Spring test: {@code @DynamicPropertySource static void infra(DynamicPropertyRegistry r) {
 * EmbeddedInfrastructure.get().register(r, "notification"); }}
 */
public final class EmbeddedInfrastructure {

    private static volatile EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();
    private volatile ConfigurableApplicationContext registry;
    private volatile String registryUrl;

    private EmbeddedInfrastructure() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, Topics.PARTITIONS,
                Topics.all().stream().map(Topics.Topic::name).toArray(String[]::new));
        kafka.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "auto.create.topics.enable", "true"));
        kafka.afterPropertiesSet();
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder();
        if (Boolean.getBoolean("perf.statements")) {
            // benchmarks only: where the database's time goes, per statement (see the README's "Tests")
            database.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        postgres = database.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
    }

    public static EmbeddedInfrastructure get() {
        if (instance == null) {
            synchronized (EmbeddedInfrastructure.class) {
                if (instance == null) {
                    try {
                        instance = new EmbeddedInfrastructure();
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not start the embedded broker and database", e);
                    }
                }
            }
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public EmbeddedKafkaKraftBroker kafka() {
        return kafka;
    }

    /** JDBC URL of a database of this name in the shared server, created on first use. */
    public String jdbcUrl(String database) {
        if (databases.add(database)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!rs.next()) {
                        s.execute("create database \"" + database + "\"");
                    }
                }
            } catch (Exception e) {
                databases.remove(database);
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    public DataSource dataSource(String database) {
        jdbcUrl(database);
        return postgres.getDatabase("postgres", database);
    }

    /** The project's schema registry, started on first use on a free port with its own database. */
    public synchronized String schemaRegistryUrl() {
        if (registryUrl == null) {
            // as arguments, not builder().properties(): those are defaults that the service's own YAML overrides
            registry = SchemaRegistryApplication.builder().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + jdbcUrl("schema_registry"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres");
            int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
            registryUrl = "http://localhost:" + port;
        }
        return registryUrl;
    }

    /** Serde configuration for clients in tests: the registry's URL in Confluent's key. */
    public Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", schemaRegistryUrl());
    }

    /**
     * The platform properties every service reads ({@code platform.kafka.bootstrap-servers},
     * {@code platform.schema-registry.url}, {@code spring.datasource.*}), pointing at these parts.
     */
    public Map<String, Object> serviceProperties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("platform.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("platform.schema-registry.url", schemaRegistryUrl());
        properties.put("spring.datasource.url", jdbcUrl(database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        return properties;
    }

    public void register(DynamicPropertyRegistry registry, String database) {
        serviceProperties(database).forEach((key, value) -> registry.add(key, () -> value));
    }

    private void stop() {
        try {
            if (registry != null) {
                registry.close();
            }
            kafka.destroy();
            postgres.close();
        } catch (Exception e) {
            System.err.println("Stopping embedded infrastructure: " + e);
        }
    }
}
