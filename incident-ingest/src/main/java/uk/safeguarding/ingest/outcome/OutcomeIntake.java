package uk.safeguarding.ingest.outcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentOutcomeChanged;
import uk.safeguarding.avro.OutcomeChange;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the delivery steps and unresolved children of a batch (idempotent by event id) and, for each one new here of
 * an incident ingest accepted, publishes an {@link IncidentOutcomeChanged} for its force, in the same database
 * transaction: a failed publish rolls the batch back and it is read again. At least once on the outcome topic, with a
 * stable eventId. What is kept and sent leaves out the names police recorded and the id of whoever opened an alert.
 */
@Component
public class OutcomeIntake {

    static {
        // builders fill enum defaults through Avro's class check
        uk.safeguarding.serde.GeneratedAvroClasses.trust();
    }

    private static final Logger log = LoggerFactory.getLogger(OutcomeIntake.class);

    private final OutcomeEvents events;
    private final OutcomePublisher publisher;
    private final Clock clock;

    public OutcomeIntake(OutcomeEvents events, OutcomePublisher publisher, Clock clock) {
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public int recordAlertSteps(List<AlertStatusChanged> steps) {
        return record(steps.stream().map(OutcomeIntake::row).toList(), "alert steps");
    }

    @Transactional
    public int recordUnresolved(List<ChildUnresolved> children) {
        return record(children.stream().map(OutcomeIntake::row).toList(), "unresolved children");
    }

    private int record(List<OutcomeEvents.Row> rows, String what) {
        Map<String, OutcomeEvents.Row> unique = new LinkedHashMap<>();
        rows.forEach(r -> unique.putIfAbsent(r.eventId(), r));
        Instant now = clock.instant();
        List<OutcomeEvents.Row> fresh = events.keepNew(List.copyOf(unique.values()), now);
        Map<String, String> forces = events.forces(fresh.stream().map(OutcomeEvents.Row::incidentId).distinct().toList());
        int published = 0;
        for (OutcomeEvents.Row r : fresh) {
            String force = forces.get(r.incidentId());
            if (force != null) {
                publisher.publish(event(r, force));
                published++;
            }
        }
        log.info("Outcome batch of {} {}: {} new, {} published for the submitting forces", rows.size(), what,
                fresh.size(), published);
        return fresh.size();
    }

    static OutcomeEvents.Row row(AlertStatusChanged e) {
        // actorId (the person who opened or actioned it) is deliberately not kept: the force is never told who
        return new OutcomeEvents.Row(e.getEventId(), e.getIncidentId(), OutcomeEvents.ALERT_STATE,
                e.getIncidentRevision(), e.getChildIndex(), e.getAlertId(), e.getOrganisationId(),
                e.getOrganisationName(), e.getRecipientKind(), e.getState(), null, e.getOccurredAt(), e.getDueBy());
    }

    static OutcomeEvents.Row row(ChildUnresolved c) {
        // the names, date of birth, postcode and detail police's child carries stay out: the reason is enough
        return new OutcomeEvents.Row(waitingEventId(c.getIncidentId(), c.getIncidentRevision(), c.getChildIndex()),
                c.getIncidentId(), OutcomeEvents.CHILD_WAITING, c.getIncidentRevision(), c.getChildIndex(), null, null,
                null, null, null, c.getReason(), c.getDetectedAt(), null);
    }

    /** One waiting child per incident, revision and position: the same id however often routing reports it. */
    static String waitingEventId(String incidentId, int revision, int childIndex) {
        return "unresolved:" + incidentId + ":" + revision + ":" + childIndex;
    }

    static IncidentOutcomeChanged event(OutcomeEvents.Row r, String forceCode) {
        boolean alert = OutcomeEvents.ALERT_STATE.equals(r.kind());
        return IncidentOutcomeChanged.newBuilder()
                .setEventId(r.eventId())
                .setIncidentId(r.incidentId())
                .setForceCode(forceCode)
                .setChange(alert ? OutcomeChange.ALERT_STATE : OutcomeChange.CHILD_WAITING)
                .setIncidentRevision(r.revision())
                .setChildIndex(r.childIndex())
                .setAlertId(r.alertId())
                .setOrganisationId(r.organisationId())
                .setRecipientKind(r.recipientKind())
                .setState(r.state())
                .setWaitingReason(r.reason())
                .setOccurredAt(r.occurredAt())
                .setDueBy(r.dueBy())
                .build();
    }
}
