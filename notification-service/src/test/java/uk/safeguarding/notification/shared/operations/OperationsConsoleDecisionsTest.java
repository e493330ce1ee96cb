package uk.safeguarding.notification.shared.operations;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.shared.consumers.DeadLetters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's plain decisions, alone: lag, records in a window, whether a dead letter may be replayed, the skip form. */
class OperationsConsoleDecisionsTest {

    private static final LagSummary.Partition P0 = new LagSummary.Partition("incidents.reported", 0);
    private static final LagSummary.Partition P1 = new LagSummary.Partition("incidents.reported", 1);
    private static final LagSummary.Partition P2 = new LagSummary.Partition("incidents.reported", 2);
    private static final LagSummary.Partition OTHER = new LagSummary.Partition("alerts.school", 0);

    @Test
    void aGroupsLagIsTheRecordsBetweenWhereItReadsNextAndTheEndsOfTheTopicsItReads() {
        // given a group committed on two partitions of the incidents topic, not yet on the third (log start 3)
        Map<LagSummary.Partition, Long> committed = Map.of(P0, 90L, P1, 40L);
        Map<LagSummary.Partition, Long> ends = Map.of(P0, 100L, P1, 41L, P2, 7L, OTHER, 500L);
        Map<LagSummary.Partition, Long> starts = Map.of(P0, 0L, P1, 0L, P2, 3L, OTHER, 0L);

        // when
        LagSummary.GroupLag lag = LagSummary.of("notification-service", committed, ends, starts, false);

        // then each partition of the topic is listed, the other topic not at all
        assertThat(lag.partitions()).extracting(LagSummary.PartitionLag::partition).containsExactly(0, 1, 2);
        assertThat(lag.partitions().get(0).lag()).isEqualTo(10);
        assertThat(lag.partitions().get(0).next()).isEqualTo(90);
        // and the partition without a commit is read from its log start: all of it is behind
        assertThat(lag.partitions().get(2).committed()).isNull();
        assertThat(lag.partitions().get(2).next()).isEqualTo(3);
        assertThat(lag.partitions().get(2).lag()).isEqualTo(4);
        assertThat(lag.total()).isEqualTo(15);
        assertThat(lag.largest().partition()).isZero();
        // and one record behind is a transaction marker's worth, not "behind"; ten is
        assertThat(lag.partitions().get(1).behind()).isFalse();
        assertThat(lag.behind()).isTrue();
    }

    @Test
    void aCommittedOffsetPastTheEndIsNoLagAndAGroupThatReadEverythingHasNoLargest() {
        LagSummary.GroupLag lag = LagSummary.of("g", Map.of(P0, 120L, P1, 41L), Map.of(P0, 100L, P1, 41L), Map.of(),
                true);

        assertThat(lag.total()).isZero();
        assertThat(lag.largest()).isNull();
        assertThat(lag.behind()).isFalse();
        assertThat(lag.stuck()).isTrue();
    }

    @Test
    void recordsSinceAMomentCountFromTheFirstOffsetAtOrAfterItAndNoneWhenNothingCameSince() {
        assertThat(LagSummary.recordsSince(95L, 100)).isEqualTo(5);
        assertThat(LagSummary.recordsSince(-1L, 100)).isZero();
        assertThat(LagSummary.recordsSince(null, 100)).isZero();
        assertThat(LagSummary.recordsSince(120L, 100)).isZero();
    }

    @Test
    void aDeadLetterIsReplayedOnlyOnceOnlyOntoATopicThisServiceReadsAndOnlyWithItsBytes() {
        Set<String> consumed = Set.of("incidents.reported", "alerts.school");

        assertThat(ReplayCheck.of("incidents.reported", true, false, consumed)).isEqualTo(ReplayCheck.Verdict.REPLAY);
        assertThat(ReplayCheck.of("incidents.reported", true, true, consumed))
                .isEqualTo(ReplayCheck.Verdict.ALREADY_REPLAYED);
        assertThat(ReplayCheck.of("alerts.status", true, false, consumed))
                .isEqualTo(ReplayCheck.Verdict.NOT_CONSUMED_HERE);
        assertThat(ReplayCheck.of("incidents.reported", false, false, consumed)).isEqualTo(ReplayCheck.Verdict.NO_PAYLOAD);
        assertThat(ReplayCheck.of(null, true, false, consumed)).isEqualTo(ReplayCheck.Verdict.NOT_FOUND);
    }

    @Test
    void aDeadLetterShowsItsCauseAndOriginFromItsHeadersAndALongMessageIsCut() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DeadLetters.EXCEPTION_FQCN, "uk.safeguarding.notification.routing.intake.IncidentRejectedException");
        headers.put(DeadLetters.EXCEPTION_MESSAGE, "children: must list at least one child; " + "x".repeat(400));
        headers.put(DeadLetters.ORIGINAL_TOPIC, "incidents.reported");
        headers.put(DeadLetters.ORIGINAL_PARTITION, "2");
        headers.put(DeadLetters.ORIGINAL_OFFSET, "4711");

        DeadLetterView view = DeadLetterView.of("incidents.reported.dlt", 1, 12, Instant.EPOCH, headers);

        assertThat(view.cause()).isEqualTo("IncidentRejectedException");
        assertThat(view.message()).startsWith("children: must list at least one child").hasSize(300).endsWith("…");
        assertThat(view.originalTopic()).isEqualTo("incidents.reported");
        assertThat(view.originalPartition()).isEqualTo(2);
        assertThat(view.originalOffset()).isEqualTo(4711L);
        assertThat(view.payloadStored()).isFalse();
        assertThat(view.position()).isEqualTo("incidents.reported.dlt 1 @ 12");
        // a record on the topic without the headers names no origin: there is nothing to replay it to
        assertThat(DeadLetterView.of("alerts.dlt", 0, 1, Instant.EPOCH, Map.of()).originalTopic()).isNull();
    }

    @Test
    void aSkipNeedsATopicTheServiceReadsWholeNumbersAndAReasonOnOneLine() {
        Set<String> consumed = Set.of("incidents.reported");

        assertThat(new SkipForm("incidents.reported", "1", "4711", "routing fails; OPS-42").problems(consumed))
                .isEmpty();
        assertThat(new SkipForm("alerts.status", "-1", "4.5", " ").problems(consumed))
                .containsOnlyKeys("topic", "partition", "offset", "reason");
        assertThat(new SkipForm("incidents.reported", "1", "2", "line one\nline two").problems(consumed))
                .containsOnlyKeys("reason");
        assertThat(new SkipForm("incidents.reported", "99999999999", "2", "why").problems(consumed))
                .containsOnlyKeys("partition");
    }

    @Test
    void agesAreSaidInTheTwoLargestUnits() {
        assertThat(Ages.of(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(Ages.of(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Ages.of(Duration.ofMinutes(185))).isEqualTo("3 hours 5 minutes");
        assertThat(Ages.of(Duration.ofHours(52))).isEqualTo("2 days 4 hours");
        assertThat(Ages.of(Duration.ofSeconds(-5))).isEqualTo("0 seconds");
    }
}
