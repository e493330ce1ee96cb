package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.notification.shared.kafka.Outbound;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.calendar.SchoolCalendars;
import uk.safeguarding.notification.routing.concern.FamilyPatterns;
import uk.safeguarding.notification.routing.directory.DirectoryLookup;
import uk.safeguarding.notification.routing.ledger.AlertLedger;
import uk.safeguarding.notification.routing.ledger.IncidentRevisions;
import uk.safeguarding.notification.routing.ledger.RevisionUpdates;
import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.notification.routing.router.DirectoryView;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.notification.routing.router.RevisionDecisions;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Decision;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Outcome;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Recorded;
import uk.safeguarding.notification.routing.router.Router;
import uk.safeguarding.notification.routing.unresolved.UnresolvedChildren;
import uk.safeguarding.schemas.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes one batch of valid incidents in ONE database transaction (which commits when {@link #route} returns, before
 * the caller's Kafka transaction commits): reads what is recorded for the batch's incidents, decides each record,
 * looks the directory up for the whole batch, and writes revisions, ledger rows and unresolved children in batches.
 * Returns what to publish.
 */
@Component
public class IncidentBatchRouter {

    private static final Logger log = LoggerFactory.getLogger(IncidentBatchRouter.class);

    /** An incident read from a record at a position. */
    public record Received(IncidentReported incident, RecordPosition position) {
    }

    private final IncidentRevisions revisions;
    private final AlertLedger ledger;
    private final UnresolvedChildren unresolved;
    private final DirectoryLookup directory;
    private final SchoolCalendars calendars;
    private final FamilyPatterns family;
    private final RevisionUpdates updates;
    private final MeterRegistry meters;
    private final Duration probationAnswerWithin;
    private final SharingPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<BatchHook> hooks;

    public IncidentBatchRouter(IncidentRevisions revisions, AlertLedger ledger, UnresolvedChildren unresolved,
                               DirectoryLookup directory, SchoolCalendars calendars, FamilyPatterns family,
                               RevisionUpdates updates, MeterRegistry meters, SharingPolicy policy, AuditTrail audit,
                               Clock clock, ObjectProvider<BatchHook> hooks, @Value("${notification.probation.answer-within:P5D}") Duration probationAnswerWithin) {
        this.probationAnswerWithin = probationAnswerWithin;
        this.clock = clock;
        this.hooks = hooks;
        this.policy = policy;
        this.audit = audit;
        this.revisions = revisions;
        this.ledger = ledger;
        this.unresolved = unresolved;
        this.directory = directory;
        this.calendars = calendars;
        this.family = family;
        this.updates = updates;
        this.meters = meters;
    }

    @Transactional
    public List<Outbound> route(List<Received> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<IncidentReported> incidents = batch.stream().map(Received::incident).toList();
        hooks.orderedStream().forEach(h -> h.insideRoutingTransaction(incidents));
        Set<String> incidentIds = new LinkedHashSet<>();
        batch.forEach(r -> incidentIds.add(r.incident().getIncidentId()));
        Map<String, List<Recorded>> recorded = new HashMap<>(revisions.findByIncidentIds(incidentIds));

        List<Received> toRoute = new ArrayList<>();
        List<IncidentRevisions.Row> newRevisions = new ArrayList<>();
        List<RecordPosition> redelivered = new ArrayList<>();
        int duplicates = 0;
        int superseded = 0;
        for (Received r : batch) {
            IncidentReported incident = r.incident();
            List<Recorded> known = recorded.computeIfAbsent(incident.getIncidentId(), k -> new ArrayList<>());
            // Exactly once across the two transactions (see RevisionDecisions): the database commits first, so after
            // an aborted Kafka transaction this batch is read again with its first attempt already recorded.
            // - recorded from the SAME partition+offset: that attempt's alerts never became visible (its Kafka
            //   transaction aborted): re-send exactly the recorded alerts and unresolved children, same alert ids;
            // - recorded from a DIFFERENT offset: a duplicate incident (re-published or replayed) whose alerts are
            //   already out: send nothing;
            // - older than a revision already routed: record it as superseded, send nothing.
            Decision decision = RevisionDecisions.decide(incident.getRevision(), r.position(), known);
            switch (decision) {
                case ROUTE, SUPERSEDED -> {
                    Outcome outcome = decision == Decision.ROUTE ? Outcome.ROUTED : Outcome.SUPERSEDED;
                    Recorded row = new Recorded(incident.getRevision(), outcome, r.position());
                    known.add(row);
                    newRevisions.add(new IncidentRevisions.Row(incident.getIncidentId(), row));
                    if (decision == Decision.ROUTE) {
                        toRoute.add(r);
                    } else {
                        superseded++;
                        log.info("Incident {} revision {} at {} is older than a revision already routed: recorded, not routed",
                                incident.getIncidentId(), incident.getRevision(), r.position());
                    }
                }
                case REDELIVERY -> redelivered.add(r.position());
                case DUPLICATE -> {
                    duplicates++;
                    log.info("Incident {} revision {} at {} was already routed from another record: nothing sent",
                            incident.getIncidentId(), incident.getRevision(), r.position());
                }
            }
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Outbound> out = new ArrayList<>();
        List<AlertLedger.Entry> ledgerEntries = new ArrayList<>();
        List<UnresolvedChildren.Entry> unresolvedEntries = new ArrayList<>();
        long routeStart = System.nanoTime();
        long familyNanos = 0;
        if (!toRoute.isEmpty()) {
            DirectoryView view = directory.viewFor(toRoute.stream().map(Received::incident).toList());
            Deadlines deadlines = calendars.deadlinesFor(view); // the batch's school calendars, read once
            List<Router.Outcome> outcomes = new ArrayList<>(toRoute.size());
            List<FamilyPatterns.Routed> routed = new ArrayList<>(toRoute.size());
            for (Received r : toRoute) {
                Router.Outcome outcome = Router.route(r.incident(), view, deadlines, policy, now, probationAnswerWithin);
                outcomes.add(outcome);
                routed.add(new FamilyPatterns.Routed(r.incident(), outcome.alerts()));
            }
            // the whole family: history on every alert, concern alerts to children's social care; then what a newer
            // revision changes for each recipient (see FamilyPatterns, RevisionUpdates)
            long familyStart = System.nanoTime();
            List<AgencyAlert> concerns = family.apply(routed, view, deadlines, now);
            Map<String, List<AgencyAlert>> concernsByIncident = new HashMap<>();
            concerns.forEach(a -> concernsByIncident.computeIfAbsent(a.getIncidentId() + "#" + a.getIncidentRevision(),
                    k -> new ArrayList<>()).add(a));
            List<List<AgencyAlert>> alertsByRecord = new ArrayList<>(toRoute.size());
            List<RevisionUpdates.Revision> revisionsRouted = new ArrayList<>(toRoute.size());
            for (int n = 0; n < toRoute.size(); n++) {
                IncidentReported incident = toRoute.get(n).incident();
                List<AgencyAlert> alerts = new ArrayList<>(outcomes.get(n).alerts());
                alerts.addAll(concernsByIncident.getOrDefault(incident.getIncidentId() + "#" + incident.getRevision(),
                        List.of()));
                alertsByRecord.add(alerts);
                revisionsRouted.add(new RevisionUpdates.Revision(incident, alerts));
            }
            List<AgencyAlert> notices = updates.apply(revisionsRouted, now);
            familyNanos = System.nanoTime() - familyStart;
            meters.timer("notification.family.batch").record(java.time.Duration.ofNanos(familyNanos));
            for (AgencyAlert notice : notices) {
                for (int n = 0; n < toRoute.size(); n++) {
                    IncidentReported incident = toRoute.get(n).incident();
                    if (incident.getIncidentId().equals(notice.getIncidentId())
                            && incident.getRevision() == notice.getIncidentRevision()) {
                        alertsByRecord.get(n).add(notice);
                        break;
                    }
                }
            }
            for (int n = 0; n < toRoute.size(); n++) {
                Received r = toRoute.get(n);
                for (AgencyAlert added : alertsByRecord.get(n)) {
                    // the last step before the ledger: whatever was added to the alert after routing (family history,
                    // updates, concern alerts) passes the information-sharing policy too
                    AgencyAlert alert = policy.redact(added);
                    ledgerEntries.add(new AlertLedger.Entry(alert, Topics.alerts(alert.getRecipient().getKind()).name(),
                            r.position()));
                    out.add(alertOut(alert));
                }
                for (ChildUnresolved child : outcomes.get(n).unresolved()) {
                    unresolvedEntries.add(new UnresolvedChildren.Entry(child, r.position(), r.incident()));
                    out.add(unresolvedOut(child));
                }
            }
        }
        revisions.insertAll(newRevisions, now);
        ledger.insertAll(ledgerEntries);
        // the disclosure audit of what was just routed, in this transaction: ALERT_SENT and DIRECTORY_MATCH, one batch
        audit.recordRouted(ledgerEntries.stream().map(AlertLedger.Entry::alert).toList(), now);
        unresolved.insertAll(unresolvedEntries);

        int resent = 0;
        if (!redelivered.isEmpty()) {
            for (AlertLedger.Recorded a : ledger.findBySources(redelivered)) {
                out.add(alertOut(a.alert()));
                resent++;
            }
            for (ChildUnresolved c : unresolved.findBySources(redelivered)) {
                out.add(unresolvedOut(c));
                resent++;
            }
            log.info("Redelivered batch: re-sending {} recorded outputs of {} incident records", resent, redelivered.size());
        }

        meters.counter("notification.incidents", "outcome", "routed").increment(toRoute.size());
        meters.counter("notification.incidents", "outcome", "superseded").increment(superseded);
        meters.counter("notification.incidents", "outcome", "duplicate").increment(duplicates);
        meters.counter("notification.incidents", "outcome", "redelivered").increment(redelivered.size());
        ledgerEntries.forEach(e -> meters.counter("notification.alerts",
                "kind", e.alert().getRecipient().getKind().name()).increment());
        unresolvedEntries.forEach(e -> meters.counter("notification.children.unresolved",
                "reason", e.child().getReason().name()).increment());
        log.debug("Batch of {}: {} routed, {} superseded, {} duplicates, {} redelivered; {} alerts, {} unresolved children;"
                        + " {} ms, of which family history, concerns and updates {} ms",
                batch.size(), toRoute.size(), superseded, duplicates, redelivered.size(), ledgerEntries.size(),
                unresolvedEntries.size(), (System.nanoTime() - routeStart) / 1_000_000, familyNanos / 1_000_000);
        return out;
    }

    private static Outbound alertOut(AgencyAlert alert) {
        return new Outbound(Bindings.alerts(alert.getRecipient().getKind()),
                alert.getRecipient().getOrganisationId().getBytes(StandardCharsets.UTF_8), alert);
    }

    private static Outbound unresolvedOut(ChildUnresolved child) {
        return new Outbound(Bindings.UNRESOLVED, child.getIncidentId().getBytes(StandardCharsets.UTF_8), child);
    }
}
