package uk.safeguarding.faults;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out, proven: two notification-service instances (separate processes, one routing group) share the incidents
 * topic; each in turn is killed with SIGKILL while incidents are flowing and restarted, and still every alert is
 * ledgered once and published once.
 */
@ExtendWith(FaultPlatform.Running.class)
class InstancesKilledMidStreamTest {

    @Test
    void everyAlertIsLedgeredAndPublishedExactlyOnceWhenInstancesAreKilledMidStreamAndRestarted(
            FaultPlatform platform) throws Exception {
        // given two instances routing from one consumer group, and a force producing incidents steadily
        platform.ensureBothRunning();
        FaultRun run = new FaultRun(platform, "KILL-" + System.currentTimeMillis());
        try {
            run.stream.start(8);
            run.log("stream started; " + platform.a.name() + " pid " + platform.a.pid() + ", "
                    + platform.b.name() + " pid " + platform.b.pid());

            // when each instance in turn is killed (SIGKILL) mid-stream, while it owns incident partitions (at best
            // with a batch committed to the database and not yet to Kafka), and restarted with the same instance id
            for (ServiceProcess victim : List.of(platform.a, platform.b)) {
                run.awaitProgress(120, () -> !RoutingGroup.partitionsOf(platform, victim.instanceId()).isEmpty(),
                        "routing, " + victim.name() + " owning incident partitions");
                List<Integer> owned = RoutingGroup.partitionsOf(platform, victim.instanceId());
                long pid = victim.pid();
                boolean inWindow = killWhenABatchIsInTheDatabaseNotYetInKafka(run, owned, victim);
                run.log("SIGKILL " + victim.name() + " (pid " + pid + ", owning incident partitions " + owned + ") at "
                        + run.ledgered() + " alerts ledgered; "
                        + (inWindow ? "a batch was in the database and not yet committed to Kafka"
                                    : "no batch seen between its database and Kafka commits"));
                victim.start();
                run.log(victim.name() + " restarted (pid " + victim.pid() + ", log " + victim.log() + ")");
            }
            run.awaitProgress(120, () -> true, "routing after the last restart");

            // then every alert of every revision produced is ledgered once and on the agency topics once
            run.assertEveryAlertExactlyOnce();
        } finally {
            run.close();
        }
        assertThat(platform.a.alive() && platform.b.alive()).as("both instances running at the end").isTrue();
        run.log("batches re-sent after a kill (\"Redelivered batch\" in the instances' logs): "
                + platform.logLinesContaining("Redelivered batch"));
    }

    /**
     * Kills the instance the moment a batch of its partitions is committed in the database (its ledger rows are
     * there) and its Kafka transaction (alerts and offsets) is not, so the partition's next owner finds exactly that;
     * after ten seconds without seeing that moment (it is milliseconds wide), kills it anyway.
     */
    private static boolean killWhenABatchIsInTheDatabaseNotYetInKafka(FaultRun run, List<Integer> partitions,
                                                                      ServiceProcess victim) {
        try (Admin admin = RoutingGroup.admin(run.platform)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .pollDelay(Duration.ZERO).until(() -> {
                        // the database first: a batch committed to both in between must not look half-done
                        Map<Integer, Long> database = run.ledger.nextOffsetAfterLedgered();
                        Map<Integer, Long> kafka = RoutingGroup.committedOffsets(admin);
                        boolean halfDone = partitions.stream().anyMatch(p ->
                                database.getOrDefault(p, 0L) > kafka.getOrDefault(p, 0L));
                        if (halfDone) {
                            victim.kill(); // at once, not after closing the admin client
                        }
                        return halfDone;
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            victim.kill();
            return false;
        }
    }
}
