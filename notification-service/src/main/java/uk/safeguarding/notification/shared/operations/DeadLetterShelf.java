package uk.safeguarding.notification.shared.operations;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.schemas.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters themselves, read from the dead-letter topics ({@code incidents.reported.dlt}, {@code alerts.dlt}):
 * that is where {@link uk.safeguarding.notification.shared.consumers.DeadLetters} keeps them (the database holds only
 * the bytes of those too large for the topic, and directory changes' refusals, which are not dead letters). The
 * newest {@code perPartition} of each partition are read with a consumer of committed records (a dead letter of an
 * aborted batch was never one), kept for {@code cacheFor} like the offsets.
 */
public class DeadLetterShelf {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterShelf.class);
    private static final Duration READ_FOR = Duration.ofSeconds(10);

    /** The dead-letter topics this service writes. */
    public static final List<String> TOPICS = List.of(Topics.INCIDENTS_DEAD_LETTER.name(),
            Topics.ALERTS_DEAD_LETTER.name());

    /** A dead letter's record: its view, and its key and bytes for a replay (never shown). */
    public record Letter(DeadLetterView view, byte[] key, byte[] value) {
    }

    /** The newest dead letters, newest first, or why they could not be read. */
    public record Shelf(Instant readAt, List<DeadLetterView> letters, String problem) {
    }

    private final OperationsKafka kafka;
    private final Clock clock;
    private final int perPartition;
    private final Duration cacheFor;
    private volatile Shelf cached;

    public DeadLetterShelf(OperationsKafka kafka, Clock clock, int perPartition, Duration cacheFor) {
        this.kafka = kafka;
        this.clock = clock;
        this.perPartition = perPartition;
        this.cacheFor = cacheFor;
    }

    /** The newest dead letters of every dead-letter topic, at most {@code limit}, newest first. */
    public Shelf newest(int limit) {
        Instant now = clock.instant();
        Shelf kept = cached;
        if (kept == null || !kept.readAt().plus(cacheFor).isAfter(now) || kept.readAt().isAfter(now)) {
            kept = read(now);
            cached = kept;
        }
        List<DeadLetterView> letters = kept.letters();
        return new Shelf(kept.readAt(), letters.size() > limit ? letters.subList(0, limit) : letters, kept.problem());
    }

    public void forget() {
        cached = null;
    }

    /** The dead letter at this position of a dead-letter topic, if there is one. */
    public Optional<Letter> find(String topic, int partition, long offset) {
        if (!TOPICS.contains(topic) || partition < 0 || offset < 0) {
            return Optional.empty();
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.newConsumer()) {
            if (!partitionsOf(consumer, topic).contains(tp)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), READ_FOR).getOrDefault(tp, 0L);
            if (offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_FOR.toNanos();
            while (System.nanoTime() < deadline && consumer.position(tp, READ_FOR) <= offset) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(new Letter(view(r), r.key(), r.value()));
                    }
                }
            }
            // passed over: a transaction marker, or a record of an aborted transaction, at that offset
            return Optional.empty();
        }
    }

    private Shelf read(Instant now) {
        List<DeadLetterView> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.newConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                partitions.addAll(partitionsOf(consumer, topic));
            }
            if (partitions.isEmpty()) {
                return new Shelf(now, List.of(), null);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_FOR);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, READ_FOR);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long end = ends.getOrDefault(tp, 0L);
                long from = Math.max(starts.getOrDefault(tp, 0L), end - perPartition);
                consumer.seek(tp, from);
                if (end > from) {
                    remaining.put(tp, end);
                }
            }
            long deadline = System.nanoTime() + READ_FOR.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(view(r));
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey(), READ_FOR) >= e.getValue());
            }
            letters.sort(Comparator.comparing(DeadLetterView::writtenAt).reversed()
                    .thenComparing(DeadLetterView::topic).thenComparing(DeadLetterView::offset, Comparator.reverseOrder()));
            return new Shelf(now, List.copyOf(letters), remaining.isEmpty() ? null
                    : "Not every dead letter could be read in " + READ_FOR.toSeconds() + " seconds: the list may be short.");
        } catch (RuntimeException e) {
            log.warn("Operations console: the dead-letter topics could not be read ({})", Failures.describe(e));
            return new Shelf(now, List.copyOf(letters), "The dead-letter topics could not be read: "
                    + Failures.describe(e));
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_FOR);
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    private static DeadLetterView view(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            if (h.value() != null) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return DeadLetterView.of(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), headers);
    }
}
