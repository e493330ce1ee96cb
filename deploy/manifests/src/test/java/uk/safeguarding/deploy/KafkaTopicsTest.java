package uk.safeguarding.deploy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.deploy.Repository.at;
import static uk.safeguarding.deploy.Repository.map;

/**
 * deploy/kubernetes/kafka/topics.yaml has a Strimzi KafkaTopic for every topic of Topics, and nothing else, with the
 * partitions and retention the code declares, 3 replicas and min.insync.replicas 2: adding a topic to Topics without
 * its KafkaTopic, or changing a retention on one side only, fails here (the message shows the resource to paste).
 */
class KafkaTopicsTest {

    @Test
    void everyTopicOfTopicsJavaHasAKafkaTopicWithItsPartitionsAndRetention() {
        Map<String, Kubernetes.Resource> byTopicName = Kubernetes.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(r -> Repository.string(r.body(), "spec.topicName"), r -> r,
                        (a, b) -> { throw new AssertionError("two KafkaTopics for one topic: " + a + ", " + b); },
                        LinkedHashMap::new));
        List<TopicCatalogue> topics = TopicCatalogue.fromCode();

        for (TopicCatalogue topic : topics) {
            String expected = expectedResource(topic);
            Kubernetes.Resource resource = byTopicName.get(topic.name());
            assertThat(resource).as("a KafkaTopic for " + topic.name() + " in kafka/topics.yaml:\n" + expected).isNotNull();
            Map<String, Object> spec = map(resource.body().get("spec"));
            assertThat(resource.file()).isEqualTo("kafka/topics.yaml");
            assertThat(resource.name()).isEqualTo(topic.name().replace('.', '-'));
            assertThat(at(resource.body(), "metadata.labels")).as(resource + ": its cluster")
                    .isEqualTo(Map.of("strimzi.io/cluster", clusterName()));
            assertThat(spec.get("partitions")).as(resource + ": partitions; expected\n" + expected)
                    .isEqualTo(topic.partitions());
            assertThat(spec.get("replicas")).as(resource + ": replicas").isEqualTo(3);
            Map<String, Object> config = map(spec.get("config"));
            assertThat(((Number) config.get("retention.ms")).longValue())
                    .as(resource + ": retention.ms (Topics: " + topic.retentionMs() + ")").isEqualTo(topic.retentionMs());
            assertThat(config.get("min.insync.replicas")).as(resource + ": min.insync.replicas").isEqualTo(2);
        }
        assertThat(byTopicName.keySet()).as("KafkaTopics for topics Topics does not declare")
                .containsExactlyElementsOf(topics.stream().map(TopicCatalogue::name).toList());
    }

    @Test
    void theClusterReplicatesThreeTimesAndNeedsTwoInSyncReplicasForEveryWrite() {
        Kubernetes.Resource kafka = Kubernetes.named("Kafka", clusterName());
        Map<String, Object> config = map(at(kafka.body(), "spec.kafka.config"));
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("transaction.state.log.replication.factor", 3)
                .containsEntry("transaction.state.log.min.isr", 2).containsEntry("auto.create.topics.enable", false);
        assertThat(map(at(kafka.body(), "metadata.annotations")))
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        Kubernetes.Resource pool = Kubernetes.ofKind("KafkaNodePool").get(0);
        assertThat(at(pool.body(), "spec.replicas")).isEqualTo(3);
        assertThat(Repository.list(at(pool.body(), "spec.roles"))).containsExactlyInAnyOrder("controller", "broker");
        assertThat(at(pool.body(), "metadata.labels")).isEqualTo(Map.of("strimzi.io/cluster", clusterName()));
    }

    static String clusterName() {
        List<Kubernetes.Resource> clusters = Kubernetes.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        return clusters.get(0).name();
    }

    private static String expectedResource(TopicCatalogue topic) {
        return String.join("\n", "---", "apiVersion: kafka.strimzi.io/v1beta2", "kind: KafkaTopic", "metadata:",
                "  name: " + topic.name().replace('.', '-'), "  labels:", "    strimzi.io/cluster: safeguarding", "spec:",
                "  topicName: " + topic.name(), "  partitions: " + topic.partitions(), "  replicas: 3", "  config:",
                "    retention.ms: " + topic.retentionMs(), "    min.insync.replicas: 2");
    }
}
