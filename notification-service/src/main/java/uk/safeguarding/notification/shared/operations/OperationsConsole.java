package uk.safeguarding.notification.shared.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.notification.shared.consumers.ConsumerProgress;
import uk.safeguarding.notification.shared.consumers.RecordSkips;
import uk.safeguarding.platform.failure.Failures;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the console shows, gathered once per request for the page and the JSON alike: the Kafka panels this
 * package owns (topics, lag, dead letters, stuck consumers, skips asked for) and the sections the modules running in
 * this process contribute ({@link OperationsPanel}). A section that fails (its database query, say) shows why and the
 * others still show: the console is most needed when something is broken.
 */
public class OperationsConsole {

    private static final Logger log = LoggerFactory.getLogger(OperationsConsole.class);
    static final int DEAD_LETTERS_SHOWN = 50;
    static final int SKIPS_SHOWN = 20;

    /** A stuck consumer: its failing streak, and the partitions of its group that are behind (where to skip). */
    public record StuckConsumer(String consumer, Instant failingSince, int failures, String lastFailure,
                                List<LagSummary.PartitionLag> behind) {
    }

    /** A module's section, or why it could not be shown. */
    public record Section(String id, String title, String module, PanelView view, String problem) {
    }

    /**
     * The whole console.
     *
     * @param modules          the application modules this process runs
     * @param modulesElsewhere the modules whose sections are on another process's console
     */
    public record View(Instant at, Set<String> modules, Set<String> modulesElsewhere, KafkaSnapshots.Snapshot kafka,
                       DeadLetterShelf.Shelf deadLetters, List<StuckConsumer> stuck, List<Section> sections,
                       List<RecordSkips.Request> skips, Set<String> consumedTopics) {
    }

    private static final Set<String> ALL_MODULES = Set.of("routing", "delivery");

    private final KafkaSnapshots kafka;
    private final DeadLetterShelf shelf;
    private final DeadLetterReplays replays;
    private final ConsumerProgress progress;
    private final RecordSkips skips;
    private final List<OperationsPanel> panels;
    private final Set<String> modules;
    private final Set<String> consumedTopics;
    private final Clock clock;

    public OperationsConsole(KafkaSnapshots kafka, DeadLetterShelf shelf, DeadLetterReplays replays,
                             ConsumerProgress progress, RecordSkips skips, List<OperationsPanel> panels,
                             Set<String> modules, Set<String> consumedTopics, Clock clock) {
        this.kafka = kafka;
        this.shelf = shelf;
        this.replays = replays;
        this.progress = progress;
        this.skips = skips;
        this.panels = panels.stream().sorted(Comparator.comparingInt(OperationsPanel::order)
                .thenComparing(OperationsPanel::id)).toList();
        this.modules = Set.copyOf(new TreeSet<>(modules));
        this.consumedTopics = Set.copyOf(new TreeSet<>(consumedTopics));
        this.clock = clock;
    }

    public View view() {
        Instant now = clock.instant();
        KafkaSnapshots.Snapshot snapshot = kafka.current();
        DeadLetterShelf.Shelf letters = withReplays(shelf.newest(DEAD_LETTERS_SHOWN));
        List<StuckConsumer> stuck = new ArrayList<>();
        progress.stuck().forEach((consumer, streak) -> {
            List<LagSummary.PartitionLag> behind = snapshot.groups().stream()
                    .filter(g -> g.group().equals(consumer)).flatMap(g -> g.partitions().stream())
                    .filter(p -> p.lag() > 0).toList();
            stuck.add(new StuckConsumer(consumer, streak.failingSince(), streak.failures(), streak.lastFailure(),
                    behind));
        });
        List<Section> sections = new ArrayList<>();
        for (OperationsPanel panel : panels) {
            try {
                sections.add(new Section(panel.id(), panel.title(), panel.module(), panel.view(now), null));
            } catch (RuntimeException e) {
                log.warn("Operations console: section {} failed ({})", panel.id(), Failures.describe(e));
                sections.add(new Section(panel.id(), panel.title(), panel.module(), null,
                        "This section could not be read: " + Failures.describe(e)));
            }
        }
        List<RecordSkips.Request> asked;
        try {
            asked = skips.list(SKIPS_SHOWN);
        } catch (RuntimeException e) {
            asked = List.of();
        }
        Set<String> elsewhere = new TreeSet<>(ALL_MODULES);
        elsewhere.removeAll(modules);
        return new View(now, modules, Set.copyOf(elsewhere), snapshot, letters, List.copyOf(stuck),
                List.copyOf(sections), asked, consumedTopics);
    }

    /** After a replay or a skip: the next view reads Kafka again. */
    public void changed() {
        kafka.forget();
        shelf.forget();
    }

    private DeadLetterShelf.Shelf withReplays(DeadLetterShelf.Shelf read) {
        if (read.letters().isEmpty()) {
            return read;
        }
        Map<String, DeadLetterView.Replay> replayed;
        try {
            replayed = replays.replaysOf(read.letters());
        } catch (RuntimeException e) {
            return new DeadLetterShelf.Shelf(read.readAt(), read.letters(), "Which dead letters were replayed could"
                    + " not be read: " + Failures.describe(e));
        }
        List<DeadLetterView> letters = read.letters().stream().map(l -> {
            DeadLetterView.Replay r = replayed.get(DeadLetterReplays.key(l.topic(), l.partition(), l.offset()));
            return r == null ? l : l.withReplay(r);
        }).toList();
        return new DeadLetterShelf.Shelf(read.readAt(), letters, read.problem());
    }
}
