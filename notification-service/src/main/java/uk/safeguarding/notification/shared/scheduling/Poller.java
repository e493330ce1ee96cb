package uk.safeguarding.notification.shared.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.safeguarding.platform.failure.Failures;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task on its own thread with a fixed delay between runs, from context start to stop. Each poller has its own
 * thread so a slow webhook never holds up the status relay or escalation (Spring's shared scheduler has one thread).
 * Several instances of the service may run the same poller: the tasks claim their rows with
 * {@code for update skip locked}.
 */
public class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final boolean enabled;
    private volatile ScheduledExecutorService executor;

    public Poller(String name, Duration interval, boolean enabled, Runnable task) {
        this.name = name;
        this.interval = interval;
        this.enabled = enabled;
        this.task = task;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Failed runs since the last success, and when a failure was last logged: one line a minute while it lasts. */
    private int failing;
    private long lastLogged;

    private void runSafely() {
        try {
            task.run();
            if (failing > 0) {
                log.warn("{} runs again after {} failed runs", name, failing);
                failing = 0;
            }
        } catch (RuntimeException e) {
            failing++;
            long now = System.nanoTime();
            if (failing == 1 || now - lastLogged >= TimeUnit.MINUTES.toNanos(1)) {
                lastLogged = now;
                log.warn("{} run failed ({} in a row): {}", name, failing, Failures.describe(e));
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // start after the Kafka bindings, stop before them and before the DataSource goes
        return Integer.MAX_VALUE - 100;
    }
}
