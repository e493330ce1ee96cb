package uk.safeguarding.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker is stopped and started again (same ports, same log directory) while incidents are flowing through two
 * notification-service instances, and still every alert is ledgered once and published once.
 */
@ExtendWith(FaultPlatform.Running.class)
class BrokerRestartedMidStreamTest {

    @Test
    void everyAlertIsLedgeredAndPublishedExactlyOnceWhenTheBrokerRestartsMidStream(FaultPlatform platform)
            throws Exception {
        // given two instances routing from one consumer group, and a force producing incidents steadily
        platform.ensureBothRunning();
        FaultRun run = new FaultRun(platform, "BROKER-" + System.currentTimeMillis());
        try {
            run.stream.start(8);
            run.log("stream started");

            // when the broker is stopped mid-stream and started again on the same ports and log directory, twice
            for (int restart = 1; restart <= 2; restart++) {
                run.awaitProgress(300, () -> true, "routing before broker restart " + restart);
                platform.broker.stop();
                run.log("broker stopped at " + run.ledgered() + " alerts ledgered");
                platform.broker.start();
                run.log("broker started again");
            }
            run.awaitProgress(300, () -> true, "routing after the broker's last restart");

            // then every alert of every revision produced is ledgered once and on the agency topics once
            run.assertEveryAlertExactlyOnce();
        } finally {
            run.close();
        }
    }
}
