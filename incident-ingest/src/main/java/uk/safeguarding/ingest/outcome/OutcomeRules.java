package uk.safeguarding.ingest.outcome;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.UnresolvedReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What became of a police report, decided from the delivery steps and unresolved children ingest has received, with no
 * framework: per child of the report (its revision and its position in that revision's list of children, as the force
 * submitted it) the recipient organisations alerted and each alert's state with the time of each step; children still
 * waiting on the local authority's working list with the reason; and alerts about the household rather than one child
 * (probation, children's social care). Steps may arrive more than once (dropped by event id before this) and in any
 * order across alerts: each alert's state is folded from its steps in time order, by the same rule delivery applies.
 * Nothing here names a person or carries the id of the person who opened or actioned an alert.
 */
public final class OutcomeRules {

    private OutcomeRules() {
    }

    /** One step of one alert, as {@code alerts.status} reported it (AlertStatusChanged; actorId left out). */
    public record AlertStep(String eventId, String alertId, Integer revision, Integer childIndex, String organisationId,
                            String organisationName, AgencyKind recipientKind, DeliveryState state, Instant occurredAt,
                            Instant dueBy) {
        public AlertStep {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /** A child of a revision routing could not route (ChildUnresolved: reason only, never the names). */
    public record UnresolvedChild(int revision, int childIndex, UnresolvedReason reason, Instant detectedAt) {
    }

    /** Where a child of the report stands. */
    public enum ChildStatus {
        /** At least one recipient organisation was alerted about the child. */
        NOTIFIED,
        /** Not routed: on the local authority's working list, no alert yet. */
        WAITING
    }

    /** One alert: the recipient, the furthest state, and when each step first happened (null: not yet, or never). */
    public record AlertOutcome(String alertId, String organisationId, String organisationName, AgencyKind recipientKind,
                               DeliveryState state, Instant dueBy, Instant sentAt, Instant deliveredAt,
                               Instant openedAt, Instant actionedAt, Instant failedAt, Instant escalatedAt,
                               Instant breachedAt) {
    }

    public record Waiting(UnresolvedReason reason, Instant since) {
    }

    /** One child of one revision of the report; {@code waiting} is set only while {@link ChildStatus#WAITING}. */
    public record ChildOutcome(int revision, int childIndex, ChildStatus status, Waiting waiting,
                               List<AlertOutcome> alerts) {
    }

    /** An alert about the household rather than one child of the list (or older than the child's position). */
    public record HouseholdAlert(Integer revision, AlertOutcome alert) {
    }

    public record Outcome(List<ChildOutcome> children, List<HouseholdAlert> household) {
    }

    public static Outcome decide(List<AlertStep> steps, List<UnresolvedChild> unresolved) {
        // each alert's steps, oldest first (ties: in the order of the states, SENT before DELIVERED ...)
        Map<String, List<AlertStep>> byAlert = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparing(AlertStep::occurredAt).thenComparing(s -> s.state().ordinal()))
                .forEach(s -> byAlert.computeIfAbsent(s.alertId(), k -> new ArrayList<>()).add(s));

        Map<ChildKey, List<AlertOutcome>> perChild = new TreeMap<>();
        List<HouseholdAlert> household = new ArrayList<>();
        for (List<AlertStep> alertSteps : byAlert.values()) {
            AlertOutcome alert = fold(alertSteps);
            Integer revision = last(alertSteps, AlertStep::revision);
            Integer childIndex = last(alertSteps, AlertStep::childIndex);
            if (revision != null && childIndex != null) {
                perChild.computeIfAbsent(new ChildKey(revision, childIndex), k -> new ArrayList<>()).add(alert);
            } else {
                household.add(new HouseholdAlert(revision, alert));
            }
        }
        Map<ChildKey, Waiting> waiting = new TreeMap<>();
        for (UnresolvedChild u : unresolved) {
            waiting.merge(new ChildKey(u.revision(), u.childIndex()), new Waiting(u.reason(), u.detectedAt()),
                    (a, b) -> a.since().isAfter(b.since()) ? b : a);
        }
        Map<ChildKey, ChildOutcome> children = new TreeMap<>();
        perChild.forEach((key, alerts) -> {
            // a child resolved from the working list has its alerts now: it is no longer waiting
            alerts.sort(Comparator.comparing((AlertOutcome a) -> a.recipientKind().name())
                    .thenComparing(AlertOutcome::organisationId));
            children.put(key, new ChildOutcome(key.revision(), key.childIndex(), ChildStatus.NOTIFIED, null,
                    List.copyOf(alerts)));
        });
        waiting.forEach((key, w) -> children.putIfAbsent(key,
                new ChildOutcome(key.revision(), key.childIndex(), ChildStatus.WAITING, w, List.of())));
        household.sort(Comparator.comparing((HouseholdAlert h) -> h.revision() == null ? 0 : h.revision())
                .thenComparing(h -> h.alert().recipientKind().name())
                .thenComparing(h -> h.alert().organisationId()));
        return new Outcome(List.copyOf(children.values()), List.copyOf(household));
    }

    /**
     * The state after a step, as delivery moves it (notification-service's DeliveryStates): the furthest the alert has
     * got towards being read and acted on. A channel's outcome never undoes a person's reading; a late opening after a
     * breach is still an opening.
     */
    static DeliveryState after(DeliveryState current, DeliveryState step) {
        if (current == null || current == DeliveryState.UNKNOWN) {
            return step;
        }
        DeliveryState next = switch (step) {
            case OPENED -> unopened(current) ? DeliveryState.OPENED : null;
            case ACTIONED -> current == DeliveryState.OPENED ? DeliveryState.ACTIONED : null;
            case DELIVERED -> current == DeliveryState.SENT || current == DeliveryState.FAILED ? DeliveryState.DELIVERED : null;
            case FAILED -> current == DeliveryState.SENT ? DeliveryState.FAILED : null;
            case ESCALATED -> current == DeliveryState.SENT || current == DeliveryState.DELIVERED
                    || current == DeliveryState.FAILED ? DeliveryState.ESCALATED : null;
            case BREACHED -> unopened(current) && current != DeliveryState.BREACHED ? DeliveryState.BREACHED : null;
            case SENT, UNKNOWN -> null;
        };
        return next == null ? current : next;
    }

    private static boolean unopened(DeliveryState state) {
        return state != DeliveryState.OPENED && state != DeliveryState.ACTIONED;
    }

    private static AlertOutcome fold(List<AlertStep> steps) {
        DeliveryState state = null;
        Map<DeliveryState, Instant> first = new EnumMap<>(DeliveryState.class);
        for (AlertStep s : steps) {
            state = after(state, s.state());
            first.putIfAbsent(s.state(), s.occurredAt());
        }
        String organisationId = last(steps, AlertStep::organisationId);
        String name = last(steps, AlertStep::organisationName);
        AgencyKind kind = last(steps, AlertStep::recipientKind);
        return new AlertOutcome(steps.get(0).alertId(), organisationId, name == null ? organisationId : name,
                kind == null ? AgencyKind.UNKNOWN : kind, state, last(steps, AlertStep::dueBy),
                first.get(DeliveryState.SENT), first.get(DeliveryState.DELIVERED), first.get(DeliveryState.OPENED),
                first.get(DeliveryState.ACTIONED), first.get(DeliveryState.FAILED), first.get(DeliveryState.ESCALATED),
                first.get(DeliveryState.BREACHED));
    }

    /** The newest value a step carries (steps of one alert carry the same; older events may lack the v3 fields). */
    private static <T> T last(List<AlertStep> steps, java.util.function.Function<AlertStep, T> field) {
        T value = null;
        for (AlertStep s : steps) {
            T v = field.apply(s);
            if (v != null) {
                value = v;
            }
        }
        return value;
    }

    private record ChildKey(int revision, int childIndex) implements Comparable<ChildKey> {
        @Override
        public int compareTo(ChildKey o) {
            return revision != o.revision ? Integer.compare(revision, o.revision) : Integer.compare(childIndex, o.childIndex);
        }
    }
}
