package uk.safeguarding.notification;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.demo.DemoDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.DirectoryService;
import uk.safeguarding.notification.routing.intake.BatchHook;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.ConsumerLag;
import uk.safeguarding.testkit.EmbeddedInfrastructure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Spring context for every integration test of the module (same configuration, so it is cached and shared), on
 * the shared embedded broker, PostgreSQL and registry. The demo directory is seeded; each test adds its own directory
 * entries with unique ids and names, so tests do not see each other's alerts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=notification-service", "notification.demo-directory=true",
                // concern rules: only incidents of the test force TSC, to the test's own children's social care
                // (FamilyConcernTest), so no other test's alerts depend on a demo CSC organisation
                "notification.concerns.areas.default.recipient-organisation-id=",
                "notification.concerns.areas.test.forces=TSC",
                "notification.concerns.areas.test.recipient-organisation-id=" + IntegrationTestSupport.TEST_CSC,
                // a consumer failing for a dependency is retried soon and called stuck within seconds (ConsumerHealthTest)
                "notification.consumers.initial-backoff=PT0.2S", "notification.consumers.max-backoff=PT1S",
                "notification.consumers.stuck-after=PT2S",
                // every test signs in from 127.0.0.1: only the per-account limit is seen here (SignInThrottleTest
                // proves the per-client one)
                "notification.security.sign-in.failures-per-client=100000",
                // the tests' own key for the secrets kept encrypted in the database (never a production key)
                "notification.secrets.key=" + IntegrationTestSupport.TEST_SECRETS_KEY})
@Import(IntegrationTestSupport.Hooks.class)
public abstract class IntegrationTestSupport {

    public static final String GROUP = "notification-service";
    /** The children's social care of the test concern area (force TSC); a test creates it in the directory. */
    public static final String TEST_CSC = "T-CSC-AREA";
    /** 32 bytes, base64: the test context's notification.secrets.key. */
    public static final String TEST_SECRETS_KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLXh4eHg=";

    private static volatile KafkaProducer<String, IncidentReported> producer;
    private static volatile KafkaProducer<byte[], byte[]> rawProducer;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry, "notification");
        // bearer tokens on the APIs, as in production, from the test JVM's own stand-in identity provider
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
    }

    /** The password of every account made by {@link #apiAs}. */
    public static final String API_PASSWORD = "api-test-password";

    private static final Map<String, String> API_ACCOUNTS = new ConcurrentHashMap<>();

    @Autowired
    protected DirectoryService directory;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected FailOnce failOnce;

    @Autowired
    private TestRestTemplate anonymousApi;

    /**
     * Test accounts' hashes use BCrypt's lowest cost (the cost is read from the hash, so the service's own encoder
     * checks them quickly): many tests call the APIs with HTTP Basic, which checks the password on every request.
     */
    private static final String API_PASSWORD_HASH = new BCryptPasswordEncoder(4).encode(API_PASSWORD);

    /**
     * An API client signed in (HTTP Basic) as a person with {@code role} at the demo local authority
     * ({@link DemoDirectory#LOCAL_AUTHORITY}, seeded in this context).
     */
    protected TestRestTemplate api(PersonRole role) {
        return apiAs(DemoDirectory.LOCAL_AUTHORITY, role);
    }

    /**
     * An API client signed in (HTTP Basic) as a person with {@code role} at {@code organisationId} (which must be in
     * the directory). The person is created the first time and reused after.
     */
    protected TestRestTemplate apiAs(String organisationId, PersonRole role) {
        return anonymousApi.withBasicAuth(apiAccount(organisationId, role), API_PASSWORD);
    }

    /** An API client with no credentials. */
    protected TestRestTemplate anonymousApi() {
        return anonymousApi;
    }

    /** The e-mail (sign-in name) of the {@link #apiAs} person with this role at this organisation, made if new. */
    protected String apiAccount(String organisationId, PersonRole role) {
        return API_ACCOUNTS.computeIfAbsent(organisationId + "|" + role, key -> {
            String id = "T-API-" + UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String email = id.toLowerCase(java.util.Locale.ROOT) + "@api.test.example";
            jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict do nothing", id, organisationId,
                    "API " + role.name().toLowerCase(java.util.Locale.ROOT), email, role.name(),
                    API_PASSWORD_HASH);
            return email;
        });
    }

    /** A short unique token for ids and invented names of one test. */
    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * A unique invented family name: the base and eight random letters (26^8 variants), letters only so that
     * normalisation keeps it as it is. Tests name children by name and date of birth, so two tests sharing a name
     * would make both children ambiguous.
     */
    protected static String familyName(String base) {
        StringBuilder name = new StringBuilder(base);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    protected void given(DirectoryDocument document) {
        directory.importDocument(document);
    }

    protected static RecordMetadata produce(IncidentReported incident) {
        try {
            return producer().send(new ProducerRecord<>(Topics.INCIDENTS.name(), incident.getIncidentId(), incident)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void produceAsync(int partition, IncidentReported incident) {
        producer().send(new ProducerRecord<>(Topics.INCIDENTS.name(), partition, incident.getIncidentId(), incident));
    }

    protected static void produceAsync(IncidentReported incident) {
        producer().send(new ProducerRecord<>(Topics.INCIDENTS.name(), incident.getIncidentId(), incident));
    }

    /** Waits until every incident produced so far has been written to the broker. */
    protected static void flushProduced() {
        producer().flush();
    }

    protected static RecordMetadata produceRaw(byte[] key, byte[] value) {
        return produceRaw(null, key, value);
    }

    /** Raw bytes onto a chosen partition of the incidents topic (null: the partitioner's choice); a null value is a tombstone. */
    protected static RecordMetadata produceRaw(Integer partition, byte[] key, byte[] value) {
        try {
            return rawProducer().send(new ProducerRecord<>(Topics.INCIDENTS.name(), partition, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An incident onto a chosen partition of the incidents topic. */
    protected static RecordMetadata produce(int partition, IncidentReported incident) {
        try {
            return producer().send(new ProducerRecord<>(Topics.INCIDENTS.name(), partition, incident.getIncidentId(),
                    incident)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every incident produced so far has been processed and its outputs committed. */
    protected static void awaitAllIncidentsProcessed() {
        ConsumerLag.awaitCaughtUp(GROUP, Topics.INCIDENTS.name());
    }

    protected int ledgerRows(String incidentId) {
        Integer n = jdbc.queryForObject("select count(*) from alert_ledger where incident_id = ?", Integer.class, incidentId);
        return n == null ? 0 : n;
    }

    /** The alerts the ledger holds for an incident, as recorded (decoded from their payloads). */
    protected List<uk.safeguarding.avro.AgencyAlert> ledgerAlerts(String incidentId) {
        return jdbc.query("select payload from alert_ledger where incident_id = ? and purged_at is null",
                (rs, n) -> uk.safeguarding.notification.shared.kafka.AvroRecords.<uk.safeguarding.avro.AgencyAlert>fromBinary(
                        rs.getBytes(1), uk.safeguarding.avro.AgencyAlert.getClassSchema()), incidentId);
    }

    private static KafkaProducer<String, IncidentReported> producer() {
        if (producer == null) {
            synchronized (IntegrationTestSupport.class) {
                if (producer == null) {
                    EmbeddedInfrastructure infra = EmbeddedInfrastructure.get();
                    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            infra.kafkaBootstrapServers()), Topics.INCIDENTS.keySerializer(),
                            Topics.INCIDENTS.valueSerializer(infra.serdeConfig()));
                }
            }
        }
        return producer;
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        if (rawProducer == null) {
            synchronized (IntegrationTestSupport.class) {
                if (rawProducer == null) {
                    rawProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            EmbeddedInfrastructure.get().kafkaBootstrapServers()), new ByteArraySerializer(),
                            new ByteArraySerializer());
                }
            }
        }
        return rawProducer;
    }

    /**
     * Test-only hook: aborts the first attempt of a batch holding a chosen incident, after the database commit; or
     * plants a database failure inside the routing transaction: a value the database refuses whenever a chosen
     * incident is in the batch, or the database unreachable for a number of attempts.
     */
    public static final class FailOnce implements BatchHook {
        private final Set<String> refused = ConcurrentHashMap.newKeySet();
        private final AtomicInteger unreachable = new AtomicInteger();
        private final AtomicInteger unreachableFailures = new AtomicInteger();
        private final Set<String> armed = ConcurrentHashMap.newKeySet();

        /** The database refuses a value of this incident every time it is routed (as it would a NUL byte). */
        public void refuse(String incidentId) {
            refused.add(incidentId);
        }

        private final Set<String> unreachableWith = ConcurrentHashMap.newKeySet();

        /** The database cannot be reached by the next {@code attempts} routing transactions. */
        public void unreachableFor(int attempts) {
            unreachable.set(attempts);
        }

        /** The database "cannot be reached" whenever this incident is in the batch: a fault nobody foresaw. */
        public void unreachableWhileRouting(String incidentId) {
            unreachableWith.add(incidentId);
        }

        /** Every planted failure removed. */
        public void repair() {
            unreachable.set(0);
            unreachableWith.clear();
            refused.clear();
        }

        public int unreachableFailures() {
            return unreachableFailures.get();
        }

        @Override
        public void insideRoutingTransaction(List<IncidentReported> incidents) {
            if (unreachable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                unreachableFailures.incrementAndGet();
                throw new org.springframework.jdbc.CannotGetJdbcConnectionException("test: planted outage",
                        new java.sql.SQLException("planted: connection refused", "08001"));
            }
            for (IncidentReported i : incidents) {
                if (unreachableWith.contains(i.getIncidentId())) {
                    unreachableFailures.incrementAndGet();
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("test: planted outage",
                            new java.sql.SQLException("planted: connection refused", "08001"));
                }
                if (refused.contains(i.getIncidentId())) {
                    throw new org.springframework.dao.DataIntegrityViolationException("test: planted refusal of "
                            + i.getChildren().get(0).getGivenName(), new java.sql.SQLException(
                            "ERROR: invalid byte sequence. Failing row contains (" + i.getChildren().get(0).getGivenName()
                                    + ")", "22021"));
                }
            }
        }
        private final AtomicInteger failures = new AtomicInteger();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        public void arm(String incidentId) {
            armed.add(incidentId);
        }

        public int attempts(String incidentId) {
            return attempts.getOrDefault(incidentId, new AtomicInteger()).get();
        }

        public int failures() {
            return failures.get();
        }

        @Override
        public void afterDatabaseCommit(List<IncidentReported> incidents) {
            boolean fail = false;
            for (IncidentReported i : incidents) {
                attempts.computeIfAbsent(i.getIncidentId(), k -> new AtomicInteger()).incrementAndGet();
                if (armed.remove(i.getIncidentId())) {
                    fail = true;
                }
            }
            if (fail) {
                failures.incrementAndGet();
                throw new IllegalStateException("test: abort the Kafka transaction after the database commit");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {
        @Bean
        FailOnce failOnce() {
            return new FailOnce();
        }
    }
}
