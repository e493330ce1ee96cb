package uk.safeguarding.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.TopicPartition;
import uk.safeguarding.schemas.Topics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The routing consumer group as the broker sees it: which instance owns which incident partitions. */
final class RoutingGroup {

    private RoutingGroup() {
    }

    /** The routing group's committed offsets on the incidents topic (the next record each partition will read). */
    static Map<Integer, Long> committedOffsets(Admin admin) throws Exception {
        Map<Integer, Long> offsets = new java.util.HashMap<>();
        admin.listConsumerGroupOffsets(FaultPlatform.ROUTING_GROUP).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).forEach((tp, o) -> {
                    if (tp.topic().equals(Topics.INCIDENTS.name()) && o != null) {
                        offsets.put(tp.partition(), o.offset());
                    }
                });
        return offsets;
    }

    static Admin admin(FaultPlatform platform) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    /** The incident partitions the instance's routing consumer owns now (its client id is the instance id). */
    static List<Integer> partitionsOf(FaultPlatform platform, String instanceId) {
        try (Admin admin = admin(platform)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(FaultPlatform.ROUTING_GROUP))
                    .describedGroups().get(FaultPlatform.ROUTING_GROUP).get(10, TimeUnit.SECONDS);
            return group.members().stream()
                    .filter(m -> m.clientId().startsWith(instanceId))
                    .flatMap(m -> m.assignment().topicPartitions().stream())
                    .filter(tp -> tp.topic().equals(Topics.INCIDENTS.name()))
                    .map(TopicPartition::partition).sorted().toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
