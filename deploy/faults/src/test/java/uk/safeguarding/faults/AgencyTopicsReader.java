package uk.safeguarding.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.schemas.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every agency topic, read as the recipients' systems read them: {@code read_committed}, from the beginning, every
 * record kept (a duplicate is two records, never merged). Aborted transactions' records are never seen.
 */
final class AgencyTopicsReader implements AutoCloseable {

    /** An alert record as read, with where it was, for evidence. */
    record Seen(Households.AlertKey key, String topic, int partition, long offset, String alertId) {
    }

    private final KafkaConsumer<String, AgencyAlert> consumer;
    /** Only asked for end offsets as written (the high watermark), open transactions included. */
    private final KafkaConsumer<byte[], byte[]> uncommitted;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final String bootstrapServers;
    private final List<Seen> seen = new ArrayList<>();

    AgencyTopicsReader(FaultPlatform platform) {
        // every agency topic's records are AgencyAlert, in the same serde: one consumer reads them all
        bootstrapServers = platform.bootstrapServers();
        Topics.Topic<AgencyAlert> any = Topics.alertTopics().values().iterator().next();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                any.keyDeserializer(), any.valueDeserializer(platform.serdeConfig()));
        for (Topics.Topic<AgencyAlert> topic : Topics.alertTopics().values()) {
            consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        uncommitted = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Everything read so far, after one more poll. */
    synchronized List<Seen> poll() {
        for (ConsumerRecord<String, AgencyAlert> r : consumer.poll(Duration.ofMillis(200))) {
            AgencyAlert a = r.value();
            seen.add(new Seen(new Households.AlertKey(a.getIncidentId(), a.getIncidentRevision(),
                    a.getChild().getChildId(), a.getRecipient().getOrganisationId()),
                    r.topic(), r.partition(), r.offset(), a.getAlertId()));
        }
        return List.copyOf(seen);
    }

    /** The records of these incidents read so far. */
    List<Seen> of(Collection<String> incidentIds) {
        Set<String> ids = Set.copyOf(incidentIds);
        return poll().stream().filter(s -> ids.contains(s.key().incidentId())).toList();
    }

    /**
     * Reads until every partition is read to its end as a read_committed reader sees it, with no transaction left
     * open on it (last stable offset = high watermark): nothing more is on its way.
     */
    void readToEnd(Duration atMost) {
        StringBuilder notYet = new StringBuilder();
        try {
            // not while holding this object's lock: Awaitility evaluates the condition on a thread of its own
            Awaitility.await("agency topics read to their end, no transaction open").atMost(atMost)
                    .pollInterval(Duration.ofMillis(200)).until(() -> atStableEnd(notYet));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Agency topics not read to a stable end within " + atMost + ":" + notYet
                    + "\n  open transactions: " + openTransactions(), e);
        }
    }

    private synchronized boolean atStableEnd(StringBuilder notYet) {
        poll();
        Map<TopicPartition, Long> stable = consumer.endOffsets(partitions); // read_committed: the last stable offset
        Map<TopicPartition, Long> high = uncommitted.endOffsets(partitions);
        notYet.setLength(0);
        for (TopicPartition tp : partitions) {
            long position = consumer.position(tp);
            if (!stable.get(tp).equals(high.get(tp)) || position < stable.get(tp)) {
                notYet.append("\n  ").append(tp).append(": position ").append(position)
                        .append(", last stable offset ").append(stable.get(tp))
                        .append(", high watermark ").append(high.get(tp));
            }
        }
        return notYet.length() == 0;
    }

    /** The broker's transactions that are not complete, for evidence. */
    private String openTransactions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> ids = admin.listTransactions().all().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.state() != TransactionState.COMPLETE_COMMIT
                            && t.state() != TransactionState.COMPLETE_ABORT && t.state() != TransactionState.EMPTY)
                    .map(TransactionListing::transactionalId).toList();
            if (ids.isEmpty()) {
                return "none";
            }
            return admin.describeTransactions(ids).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .map(t -> t.getKey() + " " + t.getValue().state() + " since "
                            + t.getValue().transactionStartTimeMs().stream()
                                    .mapToObj(java.time.Instant::ofEpochMilli).findFirst().orElse(null)
                            + " on " + t.getValue().topicPartitions())
                    .reduce((x, y) -> x + "; " + y).orElse("none");
        } catch (Exception e) {
            return "(could not list: " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
        uncommitted.close(Duration.ofSeconds(2));
    }
}
