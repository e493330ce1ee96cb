package uk.safeguarding.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out, proven: two notification-service instances (separate processes, one routing group) share the incidents
 * topic; instances are killed with SIGKILL while incidents are flowing and restarted, and still every alert is
 * ledgered once and published once.
 */
@ExtendWith(FaultPlatform.Running.class)
class InstancesKilledMidStreamTest {

    @Test
    void everyAlertIsLedgeredAndPublishedExactlyOnceWhenInstancesAreKilledMidStreamAndRestarted(FaultPlatform platform) throws Exception {
        // given two instances routing from one consumer group, and a force producing incidents steadily
        platform.ensureBothRunning();
        FaultRun run = new FaultRun(platform, "KILL-" + System.currentTimeMillis());
        try {
            run.stream.start(8);
            run.log("stream started; " + platform.a.name() + " pid " + platform.a.pid() + ", "
                    + platform.b.name() + " pid " + platform.b.pid());

            // when an instance is killed (SIGKILL) mid-stream, while it owns incident partitions, and restarted:
            // a, then b, then a again
            for (ServiceProcess victim : List.of(platform.a, platform.b, platform.a)) {
                run.awaitProgress(120, () -> !RoutingGroup.partitionsOf(platform, victim.instanceId()).isEmpty(),
                        "routing, " + victim.name() + " owning incident partitions");
                List<Integer> owned = RoutingGroup.partitionsOf(platform, victim.instanceId());
                long pid = victim.pid();
                victim.kill();
                run.log("SIGKILL " + victim.name() + " (pid " + pid + ", owning incident partitions " + owned
                        + ") at " + run.ledgered() + " alerts ledgered");
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
    }
}
