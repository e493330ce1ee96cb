package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.RecordPosition;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Decision;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Outcome;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Recorded;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionDecisionsTest {

    private static final RecordPosition AT_10 = new RecordPosition("incidents", 0, 10);
    private static final RecordPosition AT_20 = new RecordPosition("incidents", 0, 20);

    @Test
    void aFirstRevisionIsRouted() {
        assertThat(RevisionDecisions.decide(1, AT_10, List.of())).isEqualTo(Decision.ROUTE);
    }

    @Test
    void theSameRevisionFromTheSameRecordIsARedeliveryOfAnAbortedAttempt() {
        assertThat(RevisionDecisions.decide(1, AT_10, List.of(new Recorded(1, Outcome.ROUTED, AT_10))))
                .isEqualTo(Decision.REDELIVERY);
    }

    @Test
    void theSameRevisionFromAnotherRecordIsADuplicate() {
        assertThat(RevisionDecisions.decide(1, AT_20, List.of(new Recorded(1, Outcome.ROUTED, AT_10))))
                .isEqualTo(Decision.DUPLICATE);
    }

    @Test
    void aNewerRevisionIsRoutedAndAnOlderOneSuperseded() {
        List<Recorded> routed2 = List.of(new Recorded(2, Outcome.ROUTED, AT_10));
        assertThat(RevisionDecisions.decide(3, AT_20, routed2)).isEqualTo(Decision.ROUTE);
        assertThat(RevisionDecisions.decide(1, AT_20, routed2)).isEqualTo(Decision.SUPERSEDED);
    }

    @Test
    void aSupersededRevisionDoesNotCountAsRouted() {
        List<Recorded> recorded = List.of(new Recorded(1, Outcome.SUPERSEDED, AT_10));
        assertThat(RevisionDecisions.decide(2, AT_20, recorded)).isEqualTo(Decision.ROUTE);
    }

    @Test
    void anEarlierRevisionOfARedeliveredBatchIsReplayedNotSuperseded() {
        // first attempt routed revision 1 (offset 10) then revision 2 (offset 20), then the Kafka transaction aborted
        List<Recorded> recorded = List.of(new Recorded(1, Outcome.ROUTED, AT_10), new Recorded(2, Outcome.ROUTED, AT_20));
        assertThat(RevisionDecisions.decide(1, AT_10, recorded)).isEqualTo(Decision.REDELIVERY);
        assertThat(RevisionDecisions.decide(2, AT_20, recorded)).isEqualTo(Decision.REDELIVERY);
    }
}
