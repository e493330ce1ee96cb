package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.AlertIds;

import uk.safeguarding.serde.GeneratedAvroClasses;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.avro.SupervisedAdult;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.policy.IncidentFacts;
import uk.safeguarding.notification.routing.policy.SharingPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing decision for one incident revision, with no framework: every child is either routed (one alert per
 * linked service) or unresolved with a reason. No child is ever dropped.
 */
public final class Router {

    static {
        GeneratedAvroClasses.trust(); // builders fill enum defaults through Avro's class check
    }

    /** Incidents happen in England and Wales: the incident date (for school age) is the local date there. */
    public static final ZoneId INCIDENT_ZONE = ZoneId.of("Europe/London");

    public record Outcome(List<AgencyAlert> alerts, List<ChildUnresolved> unresolved) {
    }

    /**
     * A supervised adult of the incident, the probation delivery unit supervising them, and the children linked to
     * them through a household in the directory.
     */
    record Supervision(DirectoryView.Organisation unit, SupervisedAdult adult, List<DirectoryView.Child> householdChildren) {
    }

    /** A child of the incident found in the directory: what police said and who the directory says it is. */
    private record Named(IncidentChild reported, DirectoryView.Child known, uk.safeguarding.avro.ChildMatch match) {
    }

    private final SharingPolicy policy;
    private final int answerWithinWorkingDays;

    /**
     * @param policy                  what each kind of recipient is told, its version and lawful basis (the service
     *                                passes the configured one)
     * @param answerWithinWorkingDays how many working days probation has to answer whether the children's needs were
     *                                considered (respondBy: {@link ProbationQuestion#respondBy})
     */
    public Router(SharingPolicy policy, int answerWithinWorkingDays) {
        if (answerWithinWorkingDays < 1) {
            throw new IllegalArgumentException("probation answers need at least one working day: "
                    + answerWithinWorkingDays);
        }
        this.policy = policy;
        this.answerWithinWorkingDays = answerWithinWorkingDays;
    }

    /**
     * An incident as it arrives: each child matched to the directory by {@link ChildMatcher#fuzzy}, deadlines from
     * when it was received ({@link Deadlines#receivedAt}: its reportedAt, or routedAt if that is missing or in the
     * future).
     *
     * @param deadlines every alert's dueBy, by recipient kind, the organisation whose calendar applies (the child's
     *                  school for SCHOOL and SCHOOL_NURSE, otherwise the recipient) and when the incident was received
     */
    public Outcome route(IncidentReported incident, DirectoryView directory, Deadlines deadlines, Instant routedAt) {
        return route(incident, directory, deadlines, routedAt, Deadlines.receivedAt(incident.getReportedAt(), routedAt),
                ChildMatcher.fuzzy());
    }

    /**
     * @param receivedAt when the incident counts as received (deadlines run from it): for an incident routed later,
     *                   after a person resolved a child, still the original one
     * @param matcher    which directory child each child of the incident is ({@link ChildMatcher#fuzzy} for
     *                   incidents as they arrive; {@link ChildMatcher#confirmed} for one child a person resolved)
     */
    public Outcome route(IncidentReported incident, DirectoryView directory, Deadlines deadlines, Instant routedAt,
                         Instant receivedAt, ChildMatcher matcher) {
        AlertClock clock = new AlertClock(deadlines, receivedAt, routedAt);
        List<AgencyAlert> alerts = new ArrayList<>();
        List<ChildUnresolved> unresolved = new ArrayList<>();
        LocalDate incidentDate = LocalDate.ofInstant(incident.getOccurredAt(), INCIDENT_ZONE);
        List<Supervision> supervisions = supervisedAdults(incident, directory);
        List<Named> named = new ArrayList<>();

        List<IncidentChild> children = incident.getChildren();
        for (int index = 0; index < children.size(); index++) {
            IncidentChild child = children.get(index);
            ChildMatcher.Result result = matcher.match(index, child, directory);
            if (result instanceof ChildMatcher.Skipped) {
                continue;
            }
            if (result instanceof ChildMatcher.Unmatched u) {
                unresolved.add(unresolved(incident, index, child, u.reason(), u.detail(), routedAt)
                        .setBestScore(u.bestScore()).setMatchReasons(new ArrayList<>(u.reasons())).build());
                continue;
            }
            ChildMatcher.Matched matched = (ChildMatcher.Matched) result;
            DirectoryView.Child known = matched.child();
            named.add(new Named(child, known, matched.match()));
            List<AgencyAlert> forChild = new ArrayList<>();
            for (Recipients.Recipient r : Recipients.forChild(known, incidentDate, directory)) {
                forChild.add(alert(incident, child, known, r.organisation(), r.kind(), r.reason(), r.detail(), null,
                        r.calendarOrganisationId() == null ? clock : clock.forSchool(r.calendarOrganisationId()),
                        index));
            }
            if (forChild.isEmpty()) {
                unresolved.add(unresolved(incident, index, child, UnresolvedReason.NO_LINKED_SERVICES,
                        "directory child " + known.id() + " has no service linked for their age and setting"
                                + " (school, college, GP, health visiting, early years or home education officer)",
                        routedAt).setBestScore(matched.match().getScore())
                        .setMatchReasons(new ArrayList<>(matched.match().getReasons())).build());
            }
            forChild.forEach(a -> a.setMatch(matched.match())); // REVIEW tells the recipient to check the child
            alerts.addAll(forChild);
        }
        for (Supervision s : supervisions) {
            probationAlert(incident, named, s, clock, answerWithinWorkingDays).ifPresent(alerts::add);
        }
        // every alert leaves through the policy: only what the recipient's kind may receive, its version and basis
        return new Outcome(dedupe(alerts).stream().map(a -> policy.disclose(a, incident.getConsent())).toList(),
                List.copyOf(unresolved));
    }

    /**
     * ONE alert per probation delivery unit per incident, naming every child of the household: the children police
     * named and found, then those the directory links to the supervised adult. It is about the first of them (so its
     * id is stable) and asks the unit whether the children's safeguarding needs were considered, and what was done.
     */
    private static Optional<AgencyAlert> probationAlert(IncidentReported incident, List<Named> named, Supervision s,
                                                        AlertClock clock, int answerWithinWorkingDays) {
        Map<String, DirectoryView.Child> household = new LinkedHashMap<>();
        named.forEach(n -> household.putIfAbsent(n.known().id(), n.known()));
        s.householdChildren().forEach(c -> household.putIfAbsent(c.id(), c));
        if (household.isEmpty()) {
            return Optional.empty();
        }
        DirectoryView.Child first = household.values().iterator().next();
        Optional<IncidentChild> reported = named.stream().filter(n -> n.known().id().equals(first.id()))
                .map(Named::reported).findFirst();
        IncidentChild about = reported.orElseGet(() -> IncidentChild.newBuilder().setGivenName(first.givenName())
                .setFamilyName(first.familyName()).setDateOfBirth(first.dateOfBirth()).setPresent(false).build());
        AgencyAlert alert = alert(incident, about, first, s.unit(), AgencyKind.PROBATION,
                RoutingReason.ADULT_SUPERVISED_BY_PROBATION,
                "an adult in the incident (" + s.adult().getRole() + ") is supervised by probation delivery unit "
                        + s.unit().id() + "; " + household.size() + (household.size() == 1 ? " child" : " children")
                        + " in the household", s.adult(), clock, null); // about the household, not one child
        AgencyAlert.Builder builder = AgencyAlert.newBuilder(alert)
                .setMatch(named.stream().filter(n -> n.known().id().equals(first.id())).map(Named::match)
                        .findFirst().orElse(null))
                .setHouseholdChildren(household.values().stream().map(Router::alertChild).toList())
                .setResponse(ProbationQuestion.request(clock.routedAt(), answerWithinWorkingDays, clock.deadlines()));
        if (reported.isEmpty()) {
            // police said nothing about this child: no words or presence to pass on
            builder.setDisclosed(uk.safeguarding.avro.Disclosure.newBuilder(alert.getDisclosed()).setChildPresent(null)
                    .setChildSpokenTo(null).setVoiceOfChild(null).setAdultPresentWhenSpokenTo(null)
                    .setWelfareCheckMade(null).build());
        }
        return Optional.of(builder.build());
    }

    private static AlertChild alertChild(DirectoryView.Child c) {
        return AlertChild.newBuilder().setChildId(c.id()).setGivenName(c.givenName()).setFamilyName(c.familyName())
                .setDateOfBirth(c.dateOfBirth()).build();
    }

    /** The same child named twice in one incident would otherwise yield the same alert twice. */
    private static List<AgencyAlert> dedupe(List<AgencyAlert> alerts) {
        Map<String, AgencyAlert> byId = new LinkedHashMap<>();
        alerts.forEach(a -> byId.putIfAbsent(a.getAlertId(), a));
        return new ArrayList<>(byId.values());
    }

    /** One supervision per probation delivery unit; suspects first, so the unit hears about the suspect. */
    static List<Supervision> supervisedAdults(IncidentReported incident, DirectoryView directory) {
        Map<String, Supervision> byUnit = new LinkedHashMap<>();
        incident.getAdults().stream()
                .sorted(Comparator.comparing((IncidentAdult a) -> a.getRole() == AdultRole.SUSPECT ? 0 : 1))
                .forEach(adult -> AdultMatcher.match(adult, directory).ifPresent(known ->
                        directory.organisation(known.probationDeliveryUnitId()).ifPresent(unit ->
                                byUnit.putIfAbsent(unit.id(), new Supervision(unit, SupervisedAdult.newBuilder()
                                        .setGivenName(known.givenName())
                                        .setFamilyName(known.familyName())
                                        .setRole(adult.getRole())
                                        .setCaseReference(known.probationCaseReference())
                                        .build(), known.householdChildren())))));
        return new ArrayList<>(byUnit.values());
    }

    private static AgencyAlert alert(IncidentReported incident, IncidentChild child, DirectoryView.Child known,
                                     DirectoryView.Organisation recipient, AgencyKind kind, RoutingReason reason,
                                     String detail, SupervisedAdult supervisedAdult, AlertClock clock,
                                     Integer childIndex) {
        return AgencyAlert.newBuilder()
                .setAlertId(AlertIds.of(incident.getIncidentId(), incident.getRevision(), known.id(), recipient.id()))
                .setIncidentId(incident.getIncidentId())
                .setIncidentRevision(incident.getRevision())
                .setForceCode(incident.getForceCode())
                .setPoliceReference(incident.getPoliceReference())
                .setRecipient(Recipient.newBuilder().setOrganisationId(recipient.id())
                        .setOrganisationName(recipient.name()).setKind(kind).build())
                .setChild(AlertChild.newBuilder().setChildId(known.id()).setGivenName(known.givenName())
                        .setFamilyName(known.familyName()).setDateOfBirth(known.dateOfBirth()).build())
                // a candidate holding everything known: route() applies the policy to it before it goes anywhere
                .setDisclosed(IncidentFacts.of(incident, child, supervisedAdult))
                .setRoutingReason(reason)
                .setRoutingDetail(detail)
                .setRoutedAt(clock.routedAt())
                .setDueBy(clock.deadlines().dueBy(kind,
                        clock.calendarOrganisationId() != null ? clock.calendarOrganisationId() : recipient.id(),
                        clock.receivedAt()))
                // which child of the police's list: lets the force see what became of each child it reported
                .setChildIndex(childIndex)
                .build();
    }

    /**
     * When an alert is routed and due: the deadlines, the received instant and, for school and school nurse alerts,
     * the school whose calendar applies (null: the recipient's own).
     */
    record AlertClock(Deadlines deadlines, Instant receivedAt, Instant routedAt, String calendarOrganisationId) {
        AlertClock(Deadlines deadlines, Instant receivedAt, Instant routedAt) {
            this(deadlines, receivedAt, routedAt, null);
        }

        AlertClock forSchool(String schoolId) {
            return new AlertClock(deadlines, receivedAt, routedAt, schoolId);
        }
    }

    private static ChildUnresolved.Builder unresolved(IncidentReported incident, int index, IncidentChild child,
                                                      UnresolvedReason reason, String detail, Instant detectedAt) {
        return ChildUnresolved.newBuilder()
                .setIncidentId(incident.getIncidentId())
                .setIncidentRevision(incident.getRevision())
                .setForceCode(incident.getForceCode())
                .setPoliceReference(incident.getPoliceReference())
                .setChildIndex(index)
                .setGivenName(child.getGivenName())
                .setFamilyName(child.getFamilyName())
                .setDateOfBirth(child.getDateOfBirth())
                .setReason(reason)
                .setDetail(detail)
                .setDetectedAt(detectedAt)
                .setPostcode(child.getPostcode());
    }
}
