package uk.safeguarding.ingest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.safeguarding.ingest.outcome.OutcomeRules;

import java.time.Instant;
import java.util.List;

/**
 * What became of a report, for the force that submitted it: ids, positions, organisations, states, instants and
 * reasons only. Never a name of a person (children are identified by their position in the list the force submitted)
 * and never the id of the person who opened or actioned an alert.
 */
@Schema(name = "IncidentOutcome", description = "What became of a report: per child the organisations alerted and "
        + "each alert's state with the time of each step; children waiting on the local authority's working list; alerts "
        + "about the household. Built from the platform's delivery events, so it follows them by a moment.")
public record IncidentOutcomeView(
        String incidentId,
        @Schema(example = "WMP") String forceCode,
        String policeReference,
        int latestRevision,
        @Schema(description = "One entry per child of each revision the platform has routed or could not route, by "
                + "revision, then position in the revision's children list.")
        List<ChildView> children,
        @Schema(description = "Alerts about the household rather than one child of the list: probation (an adult is "
                + "supervised), children's social care (a concern rule), a recipient told a later revision no longer "
                + "concerns it.")
        List<HouseholdAlertView> household) {

    @Schema(name = "IncidentOutcomeChild")
    public record ChildView(
            @Schema(description = "The revision whose children list the position refers to.") int revision,
            @Schema(description = "Position, from 0, of the child in that revision's children list as submitted "
                    + "(children[0] is the first).") int childIndex,
            @Schema(description = "NOTIFIED: at least one organisation was alerted. WAITING: the child could not be "
                    + "routed and is on the local authority's working list; no alert yet.",
                    allowableValues = {"NOTIFIED", "WAITING"}) String status,
            @Schema(description = "Set while WAITING: why, and since when.", nullable = true) WaitingView waiting,
            List<AlertView> alerts) {
    }

    @Schema(name = "IncidentOutcomeWaiting")
    public record WaitingView(
            @Schema(description = "Why the child could not be routed.",
                    allowableValues = {"NO_MATCH", "AMBIGUOUS_MATCH", "NO_LINKED_SERVICES", "BELOW_MATCH_THRESHOLD",
                            "UNKNOWN"}) String reason,
            Instant since) {
    }

    @Schema(name = "IncidentOutcomeHouseholdAlert")
    public record HouseholdAlertView(@Schema(nullable = true) Integer revision, AlertView alert) {
    }

    @Schema(name = "IncidentOutcomeAlert", description = "One alert to one organisation. A time is null until the "
            + "step happens (failed, escalated and breached only if they do).")
    public record AlertView(
            String alertId,
            @Schema(example = "ORG-SCH-03") String organisationId,
            @Schema(example = "St Aidan's CofE Primary School") String organisationName,
            @Schema(description = "Kind of organisation.", example = "SCHOOL") String kind,
            @Schema(description = "The furthest the alert has got: SENT, DELIVERED (by email notice or webhook), "
                    + "OPENED (read in the organisation's inbox), ACTIONED (what was done recorded); FAILED, ESCALATED "
                    + "(not opened near its deadline), BREACHED (not opened by it).",
                    allowableValues = {"SENT", "DELIVERED", "OPENED", "ACTIONED", "FAILED", "ESCALATED", "BREACHED",
                            "UNKNOWN"}) String state,
            @Schema(nullable = true) Instant dueBy,
            Instant sentAt,
            @Schema(nullable = true) Instant deliveredAt,
            @Schema(nullable = true) Instant openedAt,
            @Schema(nullable = true) Instant actionedAt,
            @Schema(nullable = true) Instant failedAt,
            @Schema(nullable = true) Instant escalatedAt,
            @Schema(nullable = true) Instant breachedAt) {

        static AlertView of(OutcomeRules.AlertOutcome a) {
            return new AlertView(a.alertId(), a.organisationId(), a.organisationName(), a.recipientKind().name(),
                    a.state() == null ? null : a.state().name(), a.dueBy(), a.sentAt(), a.deliveredAt(), a.openedAt(),
                    a.actionedAt(), a.failedAt(), a.escalatedAt(), a.breachedAt());
        }
    }

    static IncidentOutcomeView of(String incidentId, String forceCode, String policeReference, int latestRevision,
                                  OutcomeRules.Outcome outcome) {
        return new IncidentOutcomeView(incidentId, forceCode, policeReference, latestRevision,
                outcome.children().stream().map(c -> new ChildView(c.revision(), c.childIndex(), c.status().name(),
                        c.waiting() == null ? null : new WaitingView(c.waiting().reason() == null ? "UNKNOWN"
                                : c.waiting().reason().name(), c.waiting().since()),
                        c.alerts().stream().map(AlertView::of).toList())).toList(),
                outcome.household().stream().map(h -> new HouseholdAlertView(h.revision(), AlertView.of(h.alert())))
                        .toList());
    }
}
