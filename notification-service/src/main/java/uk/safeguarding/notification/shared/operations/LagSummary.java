package uk.safeguarding.notification.shared.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How far behind a consumer group is, partition by partition, from its committed offsets and the partitions' end
 * offsets (read_committed: the last stable offset). Plain Java: the Kafka edge ({@link KafkaSnapshots}) reads the
 * offsets, this decides what they mean.
 *
 * <p>A partition of a topic the group reads but has never committed on ({@code committed} null) is read from its log
 * start, as this service's consumers start from the earliest offset: everything from the log start to the end is
 * behind (a consumer stuck on a partition's very first record is seen so). The end
 * offsets of transactional topics count the transaction markers too, so a group that has read everything can still
 * look a record or two behind until the next transaction: lag is "about", never exact, which is why a partition is
 * only called behind past {@link #BEHIND_AFTER} records.
 */
public final class LagSummary {

    /** Below this many records a partition is caught up: transaction markers take offsets of their own. */
    public static final long BEHIND_AFTER = 5;

    private LagSummary() {
    }

    /** One topic partition. */
    public record Partition(String topic, int partition) {
    }

    /**
     * One partition of the group: its committed offset (null: none yet), the offset it reads next (the committed one,
     * or the log start), the end offset and the records between.
     */
    public record PartitionLag(String topic, int partition, Long committed, long next, long end, long lag) {

        public boolean behind() {
            return lag >= BEHIND_AFTER;
        }
    }

    /**
     * A consumer group's lag.
     *
     * @param total   records behind, over its partitions
     * @param largest the partition furthest behind (null when it has none)
     * @param stuck   the service reports this group's consumer stuck (readiness DOWN)
     */
    public record GroupLag(String group, List<PartitionLag> partitions, long total, PartitionLag largest,
                           boolean stuck) {

        public boolean behind() {
            return largest != null && largest.behind();
        }
    }

    /**
     * The group's lag on every partition of the topics it has committed on; {@code starts} are the partitions' log
     * start offsets (absent: 0). Partitions whose end is not known are left out (the topic may have been deleted).
     */
    public static GroupLag of(String group, Map<Partition, Long> committed, Map<Partition, Long> ends,
                              Map<Partition, Long> starts, boolean stuck) {
        List<PartitionLag> partitions = new ArrayList<>();
        ends.forEach((p, end) -> {
            boolean topicOfTheGroup = committed.keySet().stream().anyMatch(c -> c.topic().equals(p.topic()));
            if (!topicOfTheGroup) {
                return;
            }
            Long at = committed.get(p);
            long next = at != null ? at : starts.getOrDefault(p, 0L);
            // a committed offset beyond the end (the topic was recreated) is not negative lag: nothing to read
            long lag = Math.max(0, end - next);
            partitions.add(new PartitionLag(p.topic(), p.partition(), at, next, end, lag));
        });
        partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        long total = partitions.stream().mapToLong(PartitionLag::lag).sum();
        PartitionLag largest = partitions.stream().filter(p -> p.lag() > 0)
                .max(Comparator.comparingLong(PartitionLag::lag)).orElse(null);
        return new GroupLag(group, partitions, total, largest, stuck);
    }

    /**
     * Records written to a partition since a moment: from the first offset at or after it ({@code null} or negative:
     * nothing since) to the end. Approximate on transactional topics, as above.
     */
    public static long recordsSince(Long firstOffsetSince, long end) {
        if (firstOffsetSince == null || firstOffsetSince < 0) {
            return 0;
        }
        return Math.max(0, end - firstOffsetSince);
    }
}
