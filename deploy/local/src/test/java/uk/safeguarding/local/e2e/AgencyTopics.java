package uk.safeguarding.local.e2e;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.ConsumerLag;
import uk.safeguarding.testkit.TopicProbe;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Every agency topic and the unresolved topic, read as recipients would (read_committed, from the start). */
public final class AgencyTopics implements AutoCloseable {

    private final Map<AgencyKind, TopicProbe<AgencyAlert>> alerts = new EnumMap<>(AgencyKind.class);
    private final TopicProbe<ChildUnresolved> unresolved;

    public AgencyTopics() {
        Topics.alertTopics().forEach((kind, topic) -> alerts.put(kind, TopicProbe.on(topic)));
        unresolved = TopicProbe.on(Topics.UNRESOLVED);
    }

    /** The alerts of one incident revision on each agency topic, once at least the expected counts have arrived. */
    public Map<AgencyKind, List<AgencyAlert>> await(String incidentId, int revision, Map<AgencyKind, Integer> expected) {
        Predicate<AgencyAlert> of = a -> a.getIncidentId().equals(incidentId) && a.getIncidentRevision() == revision;
        expected.forEach((kind, count) -> alerts.get(kind).await(count, of));
        return seen(of);
    }

    /** Everything seen so far for one incident (any revision), after one more poll of every topic. */
    public Map<AgencyKind, List<AgencyAlert>> seen(String incidentId) {
        return seen(a -> a.getIncidentId().equals(incidentId));
    }

    public Map<AgencyKind, List<AgencyAlert>> seen(Predicate<AgencyAlert> matching) {
        Map<AgencyKind, List<AgencyAlert>> byKind = new EnumMap<>(AgencyKind.class);
        alerts.forEach((kind, probe) -> byKind.put(kind, probe.matching(matching)));
        return byKind;
    }

    public TopicProbe<ChildUnresolved> unresolved() {
        return unresolved;
    }

    /** Waits until notification-service has processed (and committed the results of) every incident so far. */
    public static void awaitNotificationCaughtUp(Services services) {
        ConsumerLag.awaitCaughtUp(services.notificationGroup(), Topics.INCIDENTS.name());
    }

    /** One line per alert, comparable across incidents: kind, recipient, child, reason. */
    public static Set<String> routing(Map<AgencyKind, List<AgencyAlert>> alerts) {
        Set<String> lines = new TreeSet<>();
        alerts.forEach((kind, list) -> list.forEach(a -> lines.add(kind + " -> " + a.getRecipient().getOrganisationId()
                + " for " + a.getChild().getChildId() + " because " + a.getRoutingReason())));
        return lines;
    }

    public static Map<AgencyKind, Integer> counts(Map<AgencyKind, List<AgencyAlert>> alerts) {
        Map<AgencyKind, Integer> counts = new EnumMap<>(AgencyKind.class);
        alerts.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                counts.put(kind, list.size());
            }
        });
        return counts;
    }

    /** What an incident naming a {@link TestHousehold}'s two children and its supervised suspect must yield. */
    public static Map<AgencyKind, Integer> expectedForHousehold() {
        return Map.of(AgencyKind.SCHOOL, 1, AgencyKind.SCHOOL_NURSE, 1, AgencyKind.GP, 2,
                AgencyKind.HEALTH_VISITING, 1, AgencyKind.PROBATION, 1);
    }

    public static Set<String> expectedRouting(TestHousehold h) {
        return new TreeSet<>(Set.of(
                "SCHOOL -> " + h.schoolId + " for " + h.pupil.id() + " because ENROLLED_AT_SCHOOL",
                "SCHOOL_NURSE -> " + h.nurseId + " for " + h.pupil.id() + " because SCHOOL_NURSE_FOR_SCHOOL",
                "GP -> " + h.gpId + " for " + h.pupil.id() + " because REGISTERED_WITH_GP",
                "GP -> " + h.gpId + " for " + h.toddler.id() + " because REGISTERED_WITH_GP",
                "HEALTH_VISITING -> " + h.healthVisitingId + " for " + h.toddler.id() + " because HEALTH_VISITING_UNDER_SCHOOL_AGE",
                // one probation alert per unit, about the first child, naming both (householdChildren)
                "PROBATION -> " + h.probationId + " for " + h.pupil.id() + " because ADULT_SUPERVISED_BY_PROBATION"));
    }

    @Override
    public void close() {
        alerts.values().forEach(TopicProbe::close);
        unresolved.close();
    }
}
