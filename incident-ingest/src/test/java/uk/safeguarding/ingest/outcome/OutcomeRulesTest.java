package uk.safeguarding.ingest.outcome;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.ingest.outcome.OutcomeRules.AlertStep;
import uk.safeguarding.ingest.outcome.OutcomeRules.ChildStatus;
import uk.safeguarding.ingest.outcome.OutcomeRules.Outcome;
import uk.safeguarding.ingest.outcome.OutcomeRules.UnresolvedChild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome a force is shown, decided from delivery's steps and routing's unresolved children alone. */
class OutcomeRulesTest {

    // a pure test fixes its own "now"
    static final Instant T0 = Instant.parse("2026-06-10T21:00:00Z");

    static AlertStep step(String alertId, Integer revision, Integer child, String org, AgencyKind kind,
                          DeliveryState state, int minutes) {
        return new AlertStep(UUID.randomUUID().toString(), alertId, revision, child, org, "Name of " + org, kind, state,
                T0.plusSeconds(60L * minutes), T0.plusSeconds(3600 * 12));
    }

    @Test
    void eachChildOfTheReportShowsItsRecipientsWithTheStateAndTheTimeOfEachStep() {
        // given a school alert for child 0 sent, delivered, opened and actioned, and a GP alert for it only sent
        List<AlertStep> steps = new ArrayList<>(List.of(
                step("A-SCH", 1, 0, "ORG-SCH", AgencyKind.SCHOOL, DeliveryState.SENT, 0),
                step("A-SCH", 1, 0, "ORG-SCH", AgencyKind.SCHOOL, DeliveryState.DELIVERED, 1),
                step("A-SCH", 1, 0, "ORG-SCH", AgencyKind.SCHOOL, DeliveryState.OPENED, 30),
                step("A-SCH", 1, 0, "ORG-SCH", AgencyKind.SCHOOL, DeliveryState.ACTIONED, 45),
                step("A-GP", 1, 0, "ORG-GP", AgencyKind.GP, DeliveryState.SENT, 0)));
        // arriving in any order
        Collections.reverse(steps);

        // when
        Outcome outcome = OutcomeRules.decide(steps, List.of());

        // then one child, notified, with both recipients (by kind), each with its state and times
        assertThat(outcome.household()).isEmpty();
        assertThat(outcome.children()).singleElement().satisfies(child -> {
            assertThat(child.revision()).isEqualTo(1);
            assertThat(child.childIndex()).isEqualTo(0);
            assertThat(child.status()).isEqualTo(ChildStatus.NOTIFIED);
            assertThat(child.waiting()).isNull();
            assertThat(child.alerts()).extracting(OutcomeRules.AlertOutcome::recipientKind)
                    .containsExactly(AgencyKind.GP, AgencyKind.SCHOOL);
            OutcomeRules.AlertOutcome school = child.alerts().get(1);
            assertThat(school.state()).isEqualTo(DeliveryState.ACTIONED);
            assertThat(school.organisationId()).isEqualTo("ORG-SCH");
            assertThat(school.organisationName()).isEqualTo("Name of ORG-SCH");
            assertThat(school.sentAt()).isEqualTo(T0);
            assertThat(school.deliveredAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(school.openedAt()).isEqualTo(T0.plusSeconds(1800));
            assertThat(school.actionedAt()).isEqualTo(T0.plusSeconds(2700));
            assertThat(school.failedAt()).isNull();
            assertThat(school.breachedAt()).isNull();
            assertThat(school.dueBy()).isEqualTo(T0.plusSeconds(3600 * 12));
            OutcomeRules.AlertOutcome gp = child.alerts().get(0);
            assertThat(gp.state()).isEqualTo(DeliveryState.SENT);
            assertThat(gp.deliveredAt()).isNull();
            assertThat(gp.openedAt()).isNull();
        });
    }

    @Test
    void aStateMovesAsDeliveryMovesIt() {
        // a channel's failure after an opening does not undo it; a late opening after a breach is an opening
        Outcome outcome = OutcomeRules.decide(List.of(
                step("A1", 1, 0, "O1", AgencyKind.SCHOOL, DeliveryState.SENT, 0),
                step("A1", 1, 0, "O1", AgencyKind.SCHOOL, DeliveryState.OPENED, 5),
                step("A1", 1, 0, "O1", AgencyKind.SCHOOL, DeliveryState.FAILED, 6),
                step("A2", 1, 1, "O2", AgencyKind.GP, DeliveryState.SENT, 0),
                step("A2", 1, 1, "O2", AgencyKind.GP, DeliveryState.ESCALATED, 200),
                step("A2", 1, 1, "O2", AgencyKind.GP, DeliveryState.BREACHED, 240),
                step("A2", 1, 1, "O2", AgencyKind.GP, DeliveryState.OPENED, 300),
                step("A3", 1, 2, "O3", AgencyKind.SCHOOL, DeliveryState.SENT, 0),
                step("A3", 1, 2, "O3", AgencyKind.SCHOOL, DeliveryState.FAILED, 1)), List.of());

        assertThat(outcome.children()).extracting(c -> c.alerts().get(0).state())
                .containsExactly(DeliveryState.OPENED, DeliveryState.OPENED, DeliveryState.FAILED);
        OutcomeRules.AlertOutcome late = outcome.children().get(1).alerts().get(0);
        assertThat(late.escalatedAt()).isEqualTo(T0.plusSeconds(200 * 60));
        assertThat(late.breachedAt()).isEqualTo(T0.plusSeconds(240 * 60));
        assertThat(late.openedAt()).isEqualTo(T0.plusSeconds(300 * 60));
        assertThat(outcome.children().get(0).alerts().get(0).failedAt()).isEqualTo(T0.plusSeconds(360));
    }

    @Test
    void aChildNobodyCouldRouteIsWaitingWithTheReasonUntilItHasAlerts() {
        // given child 1 on the working list, and child 2 on it too but resolved since (it has an alert)
        Outcome outcome = OutcomeRules.decide(List.of(
                        step("A1", 1, 0, "O1", AgencyKind.SCHOOL, DeliveryState.SENT, 0),
                        step("A2", 1, 2, "O2", AgencyKind.SCHOOL, DeliveryState.SENT, 90)),
                List.of(new UnresolvedChild(1, 1, UnresolvedReason.NO_MATCH, T0),
                        new UnresolvedChild(1, 1, UnresolvedReason.NO_MATCH, T0.plusSeconds(5)),
                        new UnresolvedChild(1, 2, UnresolvedReason.AMBIGUOUS_MATCH, T0)));

        assertThat(outcome.children()).extracting(OutcomeRules.ChildOutcome::childIndex).containsExactly(0, 1, 2);
        assertThat(outcome.children().get(1)).satisfies(c -> {
            assertThat(c.status()).isEqualTo(ChildStatus.WAITING);
            assertThat(c.waiting().reason()).isEqualTo(UnresolvedReason.NO_MATCH);
            assertThat(c.waiting().since()).isEqualTo(T0);
            assertThat(c.alerts()).isEmpty();
        });
        assertThat(outcome.children().get(2).status()).isEqualTo(ChildStatus.NOTIFIED);
        assertThat(outcome.children().get(2).waiting()).isNull();
    }

    @Test
    void alertsAboutTheHouseholdAndEventsOlderThanTheChildsPositionAreListedApart() {
        // probation's alert carries no child position; an event from before AlertStatusChanged v3 carries neither
        // revision nor name
        AlertStep old = new AlertStep("E-OLD", "A-OLD", null, null, "ORG-GP", null, AgencyKind.GP,
                DeliveryState.SENT, T0, null);
        Outcome outcome = OutcomeRules.decide(List.of(
                step("A-PROB", 2, null, "ORG-PDU", AgencyKind.PROBATION, DeliveryState.SENT, 0), old), List.of());

        assertThat(outcome.children()).isEmpty();
        assertThat(outcome.household()).extracting(h -> h.alert().alertId()).containsExactly("A-OLD", "A-PROB");
        assertThat(outcome.household().get(0).revision()).isNull();
        assertThat(outcome.household().get(0).alert().organisationName()).as("the id when no name was sent")
                .isEqualTo("ORG-GP");
        assertThat(outcome.household().get(1).revision()).isEqualTo(2);
    }

    @Test
    void eachRevisionsChildrenAreItsOwn() {
        // the same position in two revisions may be two different children: they are kept apart
        Outcome outcome = OutcomeRules.decide(List.of(
                step("A1", 1, 0, "O1", AgencyKind.SCHOOL, DeliveryState.SENT, 0),
                step("A2", 2, 0, "O1", AgencyKind.SCHOOL, DeliveryState.SENT, 60)), List.of());

        assertThat(outcome.children()).extracting(OutcomeRules.ChildOutcome::revision).containsExactly(1, 2);
    }
}
