package uk.safeguarding.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import uk.safeguarding.schemas.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a platform topic as a downstream consumer would (read_committed, the topic's own serdes), from the start of
 * the topic, collecting everything it has seen. Tests assert on these records: what a recipient would receive.
 */
public final class TopicProbe<V> implements AutoCloseable {

    private final Topics.Topic<V> topic;
    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    private TopicProbe(Topics.Topic<V> topic, String bootstrapServers, Map<String, Object> serdeConfig) {
        this.topic = topic;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, topic.keyDeserializer(), topic.valueDeserializer(serdeConfig));
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A probe on the shared embedded infrastructure. */
    public static <V> TopicProbe<V> on(Topics.Topic<V> topic) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.get();
        return new TopicProbe<>(topic, infra.kafkaBootstrapServers(), infra.serdeConfig());
    }

    public static <V> TopicProbe<V> on(Topics.Topic<V> topic, String bootstrapServers, Map<String, Object> serdeConfig) {
        return new TopicProbe<>(topic, bootstrapServers, serdeConfig);
    }

    /** Everything seen so far, after one more poll. */
    public synchronized List<ConsumerRecord<String, V>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public List<V> values() {
        return records().stream().map(ConsumerRecord::value).toList();
    }

    /** The values seen that match, once at least {@code count} of them have arrived (30 s at most). */
    public List<V> await(int count, Predicate<V> matching) {
        return awaitRecords(count, r -> matching.test(r.value())).stream().map(ConsumerRecord::value).toList();
    }

    public List<ConsumerRecord<String, V>> awaitRecords(int count, Predicate<ConsumerRecord<String, V>> matching) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> records().stream().filter(matching).count() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected at least " + count + " matching records on " + topic.name()
                    + " within 30 s; saw " + seen.size() + " records in all: " + seen.stream().map(ConsumerRecord::value).toList(), e);
        }
        return records().stream().filter(matching).toList();
    }

    /** The matching values seen so far (no waiting beyond one poll). */
    public List<V> matching(Predicate<V> matching) {
        return values().stream().filter(matching).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
