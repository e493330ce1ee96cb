package uk.safeguarding.notification.shared.consumers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each consumer is making progress. A consumer whose batches keep failing (records wait, nothing commits) for
 * {@code stuckAfter} is stuck: said once in the log, shown by readiness and a metric, and cleared, with one more line,
 * as soon as a batch succeeds. Plain Java: the listener containers report to it ({@link ConsumerContainers}).
 */
public class ConsumerProgress {

    private static final Logger log = LoggerFactory.getLogger(ConsumerProgress.class);

    /** A consumer's failing streak: since when, how often, the last failure (safe text), whether reported stuck. */
    public record Streak(Instant failingSince, int failures, String lastFailure, boolean reported) {
    }

    private final Clock clock;
    private final Duration stuckAfter;
    private final Map<String, Streak> failing = new ConcurrentHashMap<>();

    public ConsumerProgress(Clock clock, Duration stuckAfter) {
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    /** A batch of the consumer committed its work. */
    public void progressed(String consumer) {
        Streak ended = failing.remove(consumer);
        if (ended != null && ended.reported()) {
            log.warn("Consumer {} is making progress again after {} failed attempts since {}", consumer,
                    ended.failures(), ended.failingSince());
        }
    }

    /** A batch of the consumer failed and will be read again. */
    public void failed(String consumer, String safeDescription) {
        Instant now = clock.instant();
        Streak streak = failing.merge(consumer, new Streak(now, 1, safeDescription, false),
                (old, next) -> new Streak(old.failingSince(), old.failures() + 1, safeDescription, old.reported()));
        if (!streak.reported() && isStuck(streak, now)) {
            failing.computeIfPresent(consumer, (k, s) -> new Streak(s.failingSince(), s.failures(), s.lastFailure(), true));
            log.error("Consumer {} is stuck: no batch has committed since {} ({} failed attempts); last failure: {}."
                    + " Readiness is DOWN until it moves; an operator can skip a record (see the README).", consumer,
                    streak.failingSince(), streak.failures(), safeDescription);
        }
    }

    public boolean isStuck(String consumer) {
        Streak streak = failing.get(consumer);
        return streak != null && isStuck(streak, clock.instant());
    }

    /** The stuck consumers and their streaks, by name. */
    public Map<String, Streak> stuck() {
        Instant now = clock.instant();
        Map<String, Streak> stuck = new TreeMap<>();
        failing.forEach((consumer, streak) -> {
            if (isStuck(streak, now)) {
                stuck.put(consumer, streak);
            }
        });
        return stuck;
    }

    private boolean isStuck(Streak streak, Instant now) {
        return !streak.failingSince().plus(stuckAfter).isAfter(now);
    }
}
