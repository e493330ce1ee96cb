package uk.safeguarding.notification.routing.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.ledger.AlertLedger;
import uk.safeguarding.notification.routing.ledger.IncidentRevisions;
import uk.safeguarding.notification.routing.pipeline.RoutingPipeline;
import uk.safeguarding.notification.routing.router.RevisionDecisions;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Decision;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Outcome;
import uk.safeguarding.notification.routing.router.RevisionDecisions.Recorded;
import uk.safeguarding.notification.routing.unresolved.UnresolvedChildren;
import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.shared.kafka.Outbound;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
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
 * the caller's Kafka transaction commits): decide each record against what is recorded, route the new revisions
 * through the {@link RoutingPipeline}, record revisions, ledger rows, disclosures and unresolved children in batches,
 * and return what to publish (with what an aborted attempt recorded but never sent).
 */
@Component
public class IncidentBatchRouter {

    private static final Logger log = LoggerFactory.getLogger(IncidentBatchRouter.class);

    /** An incident read from a record at a position. */
    public record Received(IncidentReported incident, RecordPosition position) {
    }

    /** What the records of a batch were decided to be (see RevisionDecisions). */
    private record Decided(List<Received> toRoute, List<IncidentRevisions.Row> revisions,
                           List<RecordPosition> redelivered, int superseded, int duplicates) {
    }

    /** What was recorded of the routed records, in publishing order. */
    private record Written(List<AlertLedger.Entry> alerts, List<UnresolvedChildren.Entry> unresolved) {
    }

    private final IncidentRevisions revisions;
    private final RoutingPipeline pipeline;
    private final AlertLedger ledger;
    private final UnresolvedChildren unresolved;
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ObjectProvider<BatchHook> hooks;

    public IncidentBatchRouter(IncidentRevisions revisions, RoutingPipeline pipeline, AlertLedger ledger,
                               UnresolvedChildren unresolved, AuditTrail audit, MeterRegistry meters, Clock clock,
                               ObjectProvider<BatchHook> hooks) {
        this.revisions = revisions;
        this.pipeline = pipeline;
        this.ledger = ledger;
        this.unresolved = unresolved;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        // every kind and reason exists from the start (zero), so a rule or panel sees 0 rather than no data
        for (uk.safeguarding.avro.AgencyKind kind : uk.safeguarding.avro.AgencyKind.values()) {
            meters.counter("notification.alerts", "kind", kind.name());
        }
        for (uk.safeguarding.avro.UnresolvedReason reason : uk.safeguarding.avro.UnresolvedReason.values()) {
            meters.counter("notification.children.unresolved", "reason", reason.name());
        }
        this.hooks = hooks;
    }

    @Transactional
    public List<Outbound> route(List<Received> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        hooks.orderedStream().forEach(h -> h.insideRoutingTransaction(batch.stream().map(Received::incident).toList()));
        long start = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        Decided decided = decideRevisions(batch);
        List<RoutingPipeline.Routed> routed = pipeline.route(decided.toRoute().stream()
                .map(r -> RoutingPipeline.Incident.arrived(r.incident(), now)).toList(), List.of(), now);
        Written written = record(decided, routed, now);
        List<Outbound> out = publish(written);
        out.addAll(resend(decided.redelivered()));

        count(decided, written, now);
        log.debug("Batch of {}: {} routed, {} superseded, {} duplicates, {} redelivered; {} alerts, {} unresolved"
                        + " children; {} ms", batch.size(), decided.toRoute().size(), decided.superseded(),
                decided.duplicates(), decided.redelivered().size(), written.alerts().size(),
                written.unresolved().size(), (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    /**
     * Exactly once across the two transactions (see RevisionDecisions): the database commits first, so after an
     * aborted Kafka transaction this batch is read again with its first attempt already recorded.
     * <ul>
     * <li>recorded from the SAME partition+offset: that attempt's alerts never became visible (its Kafka transaction
     * aborted): re-send exactly the recorded alerts and unresolved children, same alert ids;</li>
     * <li>recorded from a DIFFERENT offset: a duplicate incident (re-published or replayed) whose alerts are already
     * out: send nothing;</li>
     * <li>older than a revision already routed: record it as superseded, send nothing.</li>
     * </ul>
     */
    private Decided decideRevisions(List<Received> batch) {
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
                        log.info("Incident {} revision {} at {} is older than a revision already routed: recorded,"
                                + " not routed", incident.getIncidentId(), incident.getRevision(), r.position());
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
        return new Decided(toRoute, newRevisions, redelivered, superseded, duplicates);
    }

    /** Revisions, the ledger, the disclosure audit (ALERT_SENT, DIRECTORY_MATCH) and unresolved children, in batches. */
    private Written record(Decided decided, List<RoutingPipeline.Routed> routed, Instant now) {
        List<AlertLedger.Entry> alerts = new ArrayList<>();
        List<UnresolvedChildren.Entry> children = new ArrayList<>();
        for (int n = 0; n < routed.size(); n++) {
            Received r = decided.toRoute().get(n);
            for (AgencyAlert alert : routed.get(n).alerts()) {
                alerts.add(new AlertLedger.Entry(alert, Topics.alerts(alert.getRecipient().getKind()).name(),
                        r.position()));
            }
            for (ChildUnresolved child : routed.get(n).unresolved()) {
                children.add(new UnresolvedChildren.Entry(child, r.position(), r.incident()));
            }
        }
        revisions.insertAll(decided.revisions(), now);
        ledger.insertAll(alerts);
        audit.recordRouted(alerts.stream().map(AlertLedger.Entry::alert).toList(), now);
        unresolved.insertAll(children);
        return new Written(alerts, children);
    }

    private static List<Outbound> publish(Written written) {
        List<Outbound> out = new ArrayList<>(written.alerts().size() + written.unresolved().size());
        written.alerts().forEach(e -> out.add(alertOut(e.alert())));
        written.unresolved().forEach(e -> out.add(unresolvedOut(e.child())));
        return out;
    }

    /** What an aborted attempt at these records recorded, to send again unchanged. */
    private List<Outbound> resend(List<RecordPosition> redelivered) {
        List<Outbound> out = new ArrayList<>();
        if (redelivered.isEmpty()) {
            return out;
        }
        ledger.findBySources(redelivered).forEach(a -> out.add(alertOut(a.alert())));
        unresolved.findBySources(redelivered).forEach(c -> out.add(unresolvedOut(c)));
        log.info("Redelivered batch: re-sending {} recorded outputs of {} incident records", out.size(),
                redelivered.size());
        return out;
    }

    private void count(Decided decided, Written written, Instant routedAt) {
        meters.counter("notification.incidents", "outcome", "routed").increment(decided.toRoute().size());
        meters.counter("notification.incidents", "outcome", "superseded").increment(decided.superseded());
        meters.counter("notification.incidents", "outcome", "duplicate").increment(decided.duplicates());
        meters.counter("notification.incidents", "outcome", "redelivered").increment(decided.redelivered().size());
        written.alerts().forEach(e -> meters.counter("notification.alerts",
                "kind", e.alert().getRecipient().getKind().name()).increment());
        // acceptance to alert: from the revision's reportedAt to this routing, per alert, by agency kind
        Map<String, Instant> reportedAt = new HashMap<>();
        decided.toRoute().forEach(r -> reportedAt.put(r.incident().getIncidentId(), r.incident().getReportedAt()));
        written.alerts().forEach(e -> {
            Instant reported = reportedAt.get(e.alert().getIncidentId());
            if (reported != null) {
                alertLatency(e.alert().getRecipient().getKind().name())
                        .record(Duration.between(reported, routedAt).isNegative() ? Duration.ZERO
                                : Duration.between(reported, routedAt));
            }
        });
        written.unresolved().forEach(e -> meters.counter("notification.children.unresolved",
                "reason", e.child().getReason().name()).increment());
    }

    /** {@code notification.alerts.latency{kind}}: a histogram, so that Prometheus can compute any quantile. */
    private Timer alertLatency(String kind) {
        return Timer.builder("notification.alerts.latency")
                .description("From the incident revision's reportedAt to its alert being routed")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(meters);
    }

    static Outbound alertOut(AgencyAlert alert) {
        return new Outbound(Bindings.alerts(alert.getRecipient().getKind()),
                alert.getRecipient().getOrganisationId().getBytes(StandardCharsets.UTF_8), alert);
    }

    private static Outbound unresolvedOut(ChildUnresolved child) {
        return new Outbound(Bindings.UNRESOLVED, child.getIncidentId().getBytes(StandardCharsets.UTF_8), child);
    }
}
