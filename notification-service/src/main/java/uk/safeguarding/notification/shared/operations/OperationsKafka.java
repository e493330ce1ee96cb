package uk.safeguarding.notification.shared.operations;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's own Kafka clients, outside the binder: one {@link Admin} for offsets and groups, a consumer made for
 * each read of the dead-letter topics, and one idempotent producer for replays, created on first use. They connect as
 * the binder does: {@code platform.kafka.bootstrap-servers} and the binder's security settings
 * ({@code spring.cloud.stream.kafka.binder.configuration.security.*, sasl.*, ssl.*}, from the environment in
 * production), so an operator configures Kafka once. Only those keys are taken: the binder's configuration also holds
 * serde settings that mean nothing to these clients.
 */
public class OperationsKafka implements AutoCloseable {

    private final Map<String, Object> common;
    private final Admin admin;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public OperationsKafka(Environment environment) {
        this.common = commonSettings(environment);
        Map<String, Object> adminSettings = new HashMap<>(common);
        adminSettings.put(CommonClientConfigs.CLIENT_ID_CONFIG, "notification-operations-admin");
        adminSettings.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        adminSettings.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // the client connects lazily: a broker down at start does not stop the service, the console says so
        this.admin = Admin.create(adminSettings);
    }

    static Map<String, Object> commonSettings(Environment environment) {
        Map<String, Object> settings = new TreeMap<>();
        Map<String, String> binder = Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        binder.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("platform.kafka.bootstrap-servers", "localhost:9092"));
        return settings;
    }

    public Admin admin() {
        return admin;
    }

    /** A new consumer of raw bytes, committed records only, no group (it assigns partitions itself). */
    public KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> settings = new HashMap<>(common);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-operations-reader");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // reading must never create a topic the cluster does not have
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The replay producer: idempotent, acknowledged by every in-sync replica. */
    public KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> settings = new HashMap<>(common);
                    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "notification-operations-replay");
                    settings.put(ProducerConfig.ACKS_CONFIG, "all");
                    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
                    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }
}
