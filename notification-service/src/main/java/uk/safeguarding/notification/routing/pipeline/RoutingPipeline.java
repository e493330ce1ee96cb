package uk.safeguarding.notification.routing.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.calendar.SchoolCalendars;
import uk.safeguarding.notification.routing.concern.FamilyPatterns;
import uk.safeguarding.notification.routing.directory.DirectoryLookup;
import uk.safeguarding.notification.routing.ledger.RevisionUpdates;
import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.notification.routing.router.ChildMatcher;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.router.DirectoryView;
import uk.safeguarding.notification.routing.router.Router;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * From incidents to the alerts to send, in named stages: look up the directory, route, add the family's history and
 * concern referrals, apply revision updates, apply the sharing policy. Live routing (a batch of the incidents topic)
 * and resolving a child from the working list both come through here, so both give the same alerts; deciding which
 * revisions to route, recording and publishing are the caller's. Runs inside the caller's database transaction (the
 * family stage records the family's incidents and holds the family lock until it commits).
 */
@Component
public class RoutingPipeline {

    /** An incident to route: when it counts as received (deadlines run from it) and how its children are matched. */
    public record Incident(IncidentReported incident, Instant receivedAt, ChildMatcher matcher) {

        /** As it arrives: children matched by the fuzzy matcher, received when police reported it. */
        public static Incident arrived(IncidentReported incident, Instant now) {
            return new Incident(incident, Deadlines.receivedAt(incident.getReportedAt(), now), ChildMatcher.fuzzy());
        }
    }

    /** What one incident gave: the alerts to send, each through the policy, and its children not routed. */
    public record Routed(IncidentReported incident, List<AgencyAlert> alerts, List<ChildUnresolved> unresolved) {
    }

    private final DirectoryLookup directory;
    private final SchoolCalendars calendars;
    private final Router router;
    private final FamilyPatterns family;
    private final RevisionUpdates updates;
    private final SharingPolicy policy;
    private final MeterRegistry meters;

    public RoutingPipeline(DirectoryLookup directory, SchoolCalendars calendars, FamilyPatterns family,
                           RevisionUpdates updates, SharingPolicy policy, MeterRegistry meters,
                           @Value("${notification.probation.answer-within-working-days:5}") int probationWorkingDays,
                           @Value("${notification.probation.answer-within:#{null}}") String replacedSetting) {
        if (replacedSetting != null) {
            // it counted calendar time from routing; a deployment still setting it must say what it means now
            throw new IllegalStateException("notification.probation.answer-within (" + replacedSetting
                    + ") is replaced by notification.probation.answer-within-working-days (a number of working days)");
        }
        this.directory = directory;
        this.calendars = calendars;
        this.router = new Router(policy, probationWorkingDays);
        this.family = family;
        this.updates = updates;
        this.policy = policy;
        this.meters = meters;
    }

    /**
     * @param alsoChildren directory children to look up besides those the incidents' identifiers and names find (a
     *                     child a person chose)
     */
    public List<Routed> route(List<Incident> incidents, Collection<String> alsoChildren, Instant now) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        List<IncidentReported> reported = incidents.stream().map(Incident::incident).toList();
        DirectoryView view = directory.viewFor(reported, alsoChildren);
        Deadlines deadlines = calendars.deadlinesFor(view); // the batch's school calendars, read once
        List<Router.Outcome> outcomes = routeEach(incidents, view, deadlines, now);

        long familyStart = System.nanoTime();
        List<List<AgencyAlert>> alerts = withFamily(reported, outcomes, view, deadlines, now);
        alerts = withRevisionUpdates(reported, alerts, now);
        meters.timer("notification.family.batch").record(Duration.ofNanos(System.nanoTime() - familyStart));

        alerts = Stages.shared(policy, alerts);
        List<Routed> routed = new ArrayList<>(incidents.size());
        for (int n = 0; n < incidents.size(); n++) {
            routed.add(new Routed(reported.get(n), alerts.get(n), outcomes.get(n).unresolved()));
        }
        return routed;
    }

    /** Route: each incident's children to their services, and its supervised adults to probation (plain Java). */
    private List<Router.Outcome> routeEach(List<Incident> incidents, DirectoryView view, Deadlines deadlines,
                                           Instant now) {
        List<Router.Outcome> outcomes = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            outcomes.add(router.route(i.incident(), view, deadlines, now, i.receivedAt(), i.matcher()));
        }
        return outcomes;
    }

    /**
     * The whole family: its recent history on every alert, and a concern referral to children's social care where
     * the area's rules fire (see FamilyPatterns).
     */
    private List<List<AgencyAlert>> withFamily(List<IncidentReported> incidents, List<Router.Outcome> outcomes,
                                               DirectoryView view, Deadlines deadlines, Instant now) {
        List<FamilyPatterns.Routed> routed = new ArrayList<>(incidents.size());
        for (int n = 0; n < incidents.size(); n++) {
            routed.add(new FamilyPatterns.Routed(incidents.get(n), outcomes.get(n).alerts()));
        }
        List<AgencyAlert> concerns = family.apply(routed, view, deadlines, now);
        return Stages.addToTheirIncidents(incidents, outcomes.stream().map(Router.Outcome::alerts).toList(), concerns);
    }

    /** What a newer revision changes for each recipient: updates, and notices to those no longer alerted. */
    private List<List<AgencyAlert>> withRevisionUpdates(List<IncidentReported> incidents,
                                                        List<List<AgencyAlert>> alerts, Instant now) {
        List<RevisionUpdates.Revision> revisions = new ArrayList<>(incidents.size());
        for (int n = 0; n < incidents.size(); n++) {
            revisions.add(new RevisionUpdates.Revision(incidents.get(n), alerts.get(n)));
        }
        return Stages.addToTheirIncidents(incidents, alerts, updates.apply(revisions, now));
    }
}
