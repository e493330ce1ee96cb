package uk.safeguarding.notification.routing.concern;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.family.FamilyHistories;
import uk.safeguarding.notification.routing.family.FamilyRecords;
import uk.safeguarding.notification.routing.family.FamilyRecords.Family;
import uk.safeguarding.notification.routing.family.FamilyRecords.Involvement;
import uk.safeguarding.notification.routing.family.Person;
import uk.safeguarding.notification.routing.router.AdultMatcher;
import uk.safeguarding.notification.routing.router.DirectoryView;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sees the whole family, for a batch of routed incident revisions, after routing: records the directory persons each
 * involved, sets every alert's family history, and runs the concern rules, returning the alerts they raise to
 * children's social care ({@link ConcernDecisions}, plain Java). A fixed number of statements per batch (see
 * {@link FamilyRecords}, {@link ConcernReferrals}).
 */
@Component
public class FamilyPatterns {

    private static final Logger log = LoggerFactory.getLogger(FamilyPatterns.class);

    private final FamilyRecords records;
    private final ConcernReferrals referrals;
    private final ConcernAreas areas;
    private final MeterRegistry meters;

    public FamilyPatterns(FamilyRecords records, ConcernReferrals referrals, ConcernAreas areas, MeterRegistry meters) {
        this.records = records;
        this.referrals = referrals;
        this.areas = areas;
        this.meters = meters;
    }

    /** One routed incident revision and the alerts routing made for it. */
    public record Routed(IncidentReported incident, List<AgencyAlert> alerts) {
    }

    /**
     * Sets {@code familyHistory} on every alert of the batch and returns the concern alerts (familyHistory set too).
     */
    public List<AgencyAlert> apply(List<Routed> batch, DirectoryView view, Deadlines deadlines, Instant routedAt) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Involvement> involvements = new ArrayList<>(batch.size());
        List<Instant> from = new ArrayList<>(batch.size());
        Period longest = areas.longestWindow(FamilyHistories.WINDOW);
        for (Routed r : batch) {
            IncidentReported i = r.incident();
            involvements.add(new Involvement(i.getIncidentId(), i.getRevision(), i.getOccurredAt(), i.getRiskLevel(),
                    i.getForceCode(), persons(r, view)));
            from.add(FamilyHistories.windowStart(i.getOccurredAt(), longest));
        }
        // the batch's own involvements first, so incidents of one family in the same batch see each other
        records.record(latestRevisionPerIncident(involvements));
        List<Family> families = records.familiesOf(involvements, from);

        List<FamilyHistory> histories = new ArrayList<>(batch.size());
        for (int n = 0; n < batch.size(); n++) {
            IncidentReported i = batch.get(n).incident();
            FamilyHistory history = FamilyHistories.of(i.getIncidentId(), i.getOccurredAt(), families.get(n).incidents());
            histories.add(history);
            for (AgencyAlert a : batch.get(n).alerts()) {
                a.setFamilyHistory(FamilyHistory.newBuilder(history).build());
            }
        }
        return concerns(batch, families, histories, deadlines, routedAt);
    }

    private List<AgencyAlert> concerns(List<Routed> batch, List<Family> families, List<FamilyHistory> histories,
                                       Deadlines deadlines, Instant routedAt) {
        if (batch.stream().noneMatch(r -> areas.forForce(r.incident().getForceCode()).isPresent())) {
            return List.of(); // no incident of the batch is in an area with concern rules
        }
        Set<String> priorIds = new HashSet<>();
        families.forEach(f -> f.incidents().forEach(i -> priorIds.add(i.incidentId())));
        Set<String> recipientIds = new LinkedHashSet<>();
        areas.all().forEach(a -> recipientIds.add(a.recipientOrganisationId()));

        ConcernDecisions.Decision decision = ConcernDecisions.decide(batch, families, histories, areas,
                referrals.referred(priorIds), referrals.childrensSocialCare(recipientIds), deadlines, routedAt);

        for (ConcernDecisions.NotRaised n : decision.notRaised()) {
            meters.counter("notification.concerns", "outcome", "not-raised").increment();
            log.warn("Incident {} revision {}: concern rules {} fired in area {} but {}", n.incidentId(), n.revision(),
                    n.rules(), n.area(), n.why());
        }
        decision.fired().forEach(rule -> meters.counter("notification.concerns", "rule", rule).increment());
        referrals.recordAll(decision.referrals(), routedAt);
        return decision.raised();
    }

    /** The directory persons an incident involved: its alerts' children and its matched adults. */
    private static Set<Person> persons(Routed r, DirectoryView view) {
        Set<Person> persons = new LinkedHashSet<>();
        r.alerts().forEach(a -> persons.add(Person.child(a.getChild().getChildId())));
        for (IncidentAdult adult : r.incident().getAdults()) {
            AdultMatcher.match(adult, view).ifPresent(a -> persons.add(Person.adult(a.id())));
        }
        return persons;
    }

    /** Two revisions of one incident in a batch: the latest one's persons are recorded (one row per person). */
    private static List<Involvement> latestRevisionPerIncident(List<Involvement> involvements) {
        Map<String, Involvement> latest = new LinkedHashMap<>();
        involvements.forEach(i -> latest.merge(i.incidentId(), i, (a, b) -> a.revision() >= b.revision() ? a : b));
        return new ArrayList<>(latest.values());
    }
}
