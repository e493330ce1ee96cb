package uk.safeguarding.notification.delivery.dispatch;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.DeliveryState;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.avro.DeliveryState.ACTIONED;
import static uk.safeguarding.avro.DeliveryState.BREACHED;
import static uk.safeguarding.avro.DeliveryState.DELIVERED;
import static uk.safeguarding.avro.DeliveryState.ESCALATED;
import static uk.safeguarding.avro.DeliveryState.FAILED;
import static uk.safeguarding.avro.DeliveryState.OPENED;
import static uk.safeguarding.avro.DeliveryState.SENT;

class DeliveryStatesTest {

    @Test
    void openingMovesAnyUnopenedStateToOpenedIncludingALateOpeningAfterABreach() {
        for (DeliveryState unopened : new DeliveryState[]{SENT, DELIVERED, FAILED, ESCALATED, BREACHED}) {
            assertThat(DeliveryStates.after(unopened, OPENED)).contains(OPENED);
        }
    }

    @Test
    void aSecondOpeningLeavesTheStateAsItIs() {
        assertThat(DeliveryStates.after(OPENED, OPENED)).isEmpty();
        assertThat(DeliveryStates.after(ACTIONED, OPENED)).isEmpty();
    }

    @Test
    void anActionIsRecordedOnlyOnAnOpenedAlert() {
        assertThat(DeliveryStates.after(OPENED, ACTIONED)).contains(ACTIONED);
        assertThat(DeliveryStates.after(SENT, ACTIONED)).isEmpty();
    }

    @Test
    void aChannelFailureNeverUndoesADeliveryOrAReading() {
        assertThat(DeliveryStates.after(SENT, FAILED)).contains(FAILED);
        assertThat(DeliveryStates.after(DELIVERED, FAILED)).isEmpty();
        assertThat(DeliveryStates.after(OPENED, FAILED)).isEmpty();
        assertThat(DeliveryStates.after(FAILED, DELIVERED)).contains(DELIVERED);
    }

    @Test
    void escalationAndBreachApplyOnlyToUnopenedAlerts() {
        assertThat(DeliveryStates.after(DELIVERED, ESCALATED)).contains(ESCALATED);
        assertThat(DeliveryStates.after(ESCALATED, BREACHED)).contains(BREACHED);
        assertThat(DeliveryStates.after(OPENED, ESCALATED)).isEmpty();
        assertThat(DeliveryStates.after(OPENED, BREACHED)).isEmpty();
        assertThat(DeliveryStates.after(BREACHED, BREACHED)).isEmpty();
        assertThat(DeliveryStates.after(BREACHED, ESCALATED)).isEmpty();
    }
}
