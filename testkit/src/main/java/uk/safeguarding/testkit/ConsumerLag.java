package uk.safeguarding.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits until a consumer group has committed offsets up to the end of a topic. With transactional processing that
 * means every output of every input so far is committed, so a test can then assert that something did NOT happen
 * (no second alert) without sleeping.
 *
 * <p>The input topic must be written without transactions (as incident-ingest and police producers do): a
 * transaction marker after the last record would otherwise count as one offset of lag forever.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    public static void awaitCaughtUp(String bootstrapServers, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lag(admin, group, topic) == 0);
        }
    }

    public static void awaitCaughtUp(String group, String topic) {
        awaitCaughtUp(EmbeddedInfrastructure.get().kafkaBootstrapServers(), group, topic);
    }

    public static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long lag = 0;
        Map<TopicPartition, Long> endOffsets = new HashMap<>();
        ends.forEach((tp, info) -> endOffsets.put(tp, info.offset()));
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            long at = position == null ? 0 : position.offset();
            lag += Math.max(0, end.getValue() - at);
        }
        return lag;
    }
}
