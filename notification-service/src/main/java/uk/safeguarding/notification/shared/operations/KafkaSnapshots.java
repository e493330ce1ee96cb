package uk.safeguarding.notification.shared.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.notification.shared.consumers.ConsumerProgress;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.schemas.Topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The Kafka side of the console, read with the one {@link Admin} client: each platform topic's end offsets and the
 * records written in the last {@code window}, and each consumer group's lag by partition ({@link LagSummary}). A
 * snapshot is kept for {@code cacheFor} (a few seconds), so a page reloaded by several operators, or the JSON polled
 * by a script, costs the brokers one round of requests per interval, not one per request.
 */
public class KafkaSnapshots {

    private static final Logger log = LoggerFactory.getLogger(KafkaSnapshots.class);
    private static final long TIMEOUT_SECONDS = 10;
    /** A test broker or a shared cluster may hold many groups; the console lists this many, most behind first. */
    static final int MAX_GROUPS = 50;

    /** One platform topic: partitions, the sum of their end offsets, records written within the window. */
    public record TopicActivity(String topic, int partitions, long endOffsets, long recentRecords) {
    }

    /**
     * What Kafka said, when.
     *
     * @param problem why part of it is missing (Kafka did not answer), or null
     * @param missing platform topics the cluster does not have
     */
    public record Snapshot(Instant takenAt, Duration window, List<TopicActivity> topics,
                           List<LagSummary.GroupLag> groups, List<String> missing, String problem) {
    }

    private final Admin admin;
    private final ConsumerProgress progress;
    private final Clock clock;
    private final Clock recordClock;
    private final Duration window;
    private final Duration cacheFor;
    private volatile Snapshot cached;

    /**
     * @param clock       the platform's clock: when the snapshot was taken, how old the cache is
     * @param recordClock the wall clock the producers stamp records with: the window of "recent" records is counted
     *                    back from it, not from the platform's clock, which a test run may have moved by days
     */
    public KafkaSnapshots(Admin admin, ConsumerProgress progress, Clock clock, Clock recordClock, Duration window,
                          Duration cacheFor) {
        this.admin = admin;
        this.progress = progress;
        this.clock = clock;
        this.recordClock = recordClock;
        this.window = window;
        this.cacheFor = cacheFor;
    }

    public Duration window() {
        return window;
    }

    /** The snapshot, taken again when the kept one is older than {@code cacheFor}. */
    public Snapshot current() {
        Snapshot kept = cached;
        Instant now = clock.instant();
        if (kept != null && kept.takenAt().plus(cacheFor).isAfter(now) && !kept.takenAt().isAfter(now)) {
            return kept;
        }
        synchronized (this) {
            kept = cached;
            if (kept != null && kept.takenAt().plus(cacheFor).isAfter(now) && !kept.takenAt().isAfter(now)) {
                return kept;
            }
            cached = take(now);
            return cached;
        }
    }

    /** Forgets the kept snapshot: after a replay or a skip, the next page shows what changed. */
    public void forget() {
        cached = null;
    }

    private Snapshot take(Instant now) {
        List<String> missing = new ArrayList<>();
        try {
            Map<String, Integer> partitions = partitions(missing);
            List<TopicPartition> all = new ArrayList<>();
            partitions.forEach((topic, n) -> {
                for (int p = 0; p < n; p++) {
                    all.add(new TopicPartition(topic, p));
                }
            });
            Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest());
            Map<TopicPartition, Long> since = offsets(all,
                    OffsetSpec.forTimestamp(recordClock.millis() - window.toMillis()));
            List<TopicActivity> topics = new ArrayList<>();
            partitions.forEach((topic, n) -> {
                long end = 0;
                long recent = 0;
                for (int p = 0; p < n; p++) {
                    TopicPartition tp = new TopicPartition(topic, p);
                    long e = ends.getOrDefault(tp, 0L);
                    end += e;
                    recent += LagSummary.recordsSince(since.get(tp), e);
                }
                topics.add(new TopicActivity(topic, n, end, recent));
            });
            return new Snapshot(now, window, topics, groups(ends, starts), missing, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Operations console: Kafka did not answer ({})", Failures.describe(e));
            return new Snapshot(now, window, List.of(), List.of(), missing,
                    "Kafka did not answer in " + TIMEOUT_SECONDS + " seconds: " + Failures.describe(e));
        }
    }

    /** Partitions of each platform topic the cluster has, in the catalogue's order. */
    private Map<String, Integer> partitions(List<String> missing) throws InterruptedException, TimeoutException {
        List<String> names = Topics.all().stream().map(Topics.Topic::name).toList();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(names).topicNameValues();
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String name : names) {
            try {
                partitions.put(name, described.get(name).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions().size());
            } catch (ExecutionException e) {
                missing.add(name); // not created on this cluster (yet)
            }
        }
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        // read_committed: the last stable offset, so an open transaction's records are not counted yet
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private List<LagSummary.GroupLag> groups(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groupIds = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).sorted().toList();
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groupIds.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(specs).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<LagSummary.Partition, Long> endOffsets = new HashMap<>();
        ends.forEach((p, e) -> endOffsets.put(new LagSummary.Partition(p.topic(), p.partition()), e));
        Map<LagSummary.Partition, Long> startOffsets = new HashMap<>();
        starts.forEach((p, e) -> startOffsets.put(new LagSummary.Partition(p.topic(), p.partition()), e));
        Set<String> stuck = progress.stuck().keySet();
        List<LagSummary.GroupLag> groups = new ArrayList<>();
        committed.forEach((group, offsets) -> {
            Map<LagSummary.Partition, Long> on = offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null
                            && endOffsets.containsKey(new LagSummary.Partition(e.getKey().topic(), e.getKey().partition())))
                    .collect(Collectors.toMap(e -> new LagSummary.Partition(e.getKey().topic(), e.getKey().partition()),
                            e -> e.getValue().offset()));
            if (!on.isEmpty()) { // groups of other applications, or of no platform topic, are not ours to show
                groups.add(LagSummary.of(group, on, endOffsets, startOffsets, stuck.contains(group)));
            }
        });
        groups.sort(Comparator.comparing(LagSummary.GroupLag::stuck).reversed()
                .thenComparing(Comparator.comparingLong(LagSummary.GroupLag::total).reversed())
                .thenComparing(LagSummary.GroupLag::group));
        return groups.size() > MAX_GROUPS ? List.copyOf(groups.subList(0, MAX_GROUPS)) : List.copyOf(groups);
    }
}
