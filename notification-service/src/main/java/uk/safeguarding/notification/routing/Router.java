package uk.safeguarding.notification.routing;

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
import uk.safeguarding.notification.calendar.Deadlines;
import uk.safeguarding.notification.policy.IncidentFacts;
import uk.safeguarding.notification.policy.SharingPolicy;

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

    private Router() {
    }

    public record Outcome(List<AgencyAlert> alerts, List<ChildUnresolved> unresolved) {
    }

    /** A supervised adult of the incident and the probation delivery unit supervising them. */
    record Supervision(DirectoryView.Organisation unit, SupervisedAdult adult) {
    }

    /**
     * @param deadlines every alert's dueBy, by recipient kind, the organisation whose calendar applies (the child's
     *                  school for SCHOOL and SCHOOL_NURSE, otherwise the recipient) and when the incident was received
     *                  ({@link Deadlines#receivedAt}: its reportedAt, or routedAt if that is missing or in the future)
     */
    public static Outcome route(IncidentReported incident, DirectoryView directory, Deadlines deadlines,
                                Instant routedAt) {
        return route(incident, directory, deadlines, SharingPolicy.standard(), routedAt);
    }

    /**
     * As above, with the information-sharing policy that decides what each recipient is told (the service passes the
     * configured one; the other form uses the policy shipped with the service).
     */
    public static Outcome route(IncidentReported incident, DirectoryView directory, Deadlines deadlines,
                                SharingPolicy policy, Instant routedAt) {
        Instant receivedAt = Deadlines.receivedAt(incident.getReportedAt(), routedAt);
        AlertClock clock = new AlertClock(deadlines, receivedAt, routedAt);
        List<AgencyAlert> alerts = new ArrayList<>();
        List<ChildUnresolved> unresolved = new ArrayList<>();
        LocalDate incidentDate = LocalDate.ofInstant(incident.getOccurredAt(), INCIDENT_ZONE);
        List<Supervision> supervisions = supervisedAdults(incident, directory);

        List<IncidentChild> children = incident.getChildren();
        for (int index = 0; index < children.size(); index++) {
            IncidentChild child = children.get(index);
            ChildMatcher.Result result = ChildMatcher.match(child, directory);
            if (result instanceof ChildMatcher.Unmatched u) {
                unresolved.add(unresolved(incident, index, child, u.reason(), u.detail(), routedAt));
                continue;
            }
            DirectoryView.Child known = ((ChildMatcher.Matched) result).child();
            List<AgencyAlert> forChild = new ArrayList<>();
            Optional<DirectoryView.Organisation> school = directory.organisation(known.schoolId());
            school.ifPresent(s -> forChild.add(alert(incident, child, known, s, AgencyKind.SCHOOL,
                    RoutingReason.ENROLLED_AT_SCHOOL, "enrolled at school " + s.id(), null, clock.forSchool(s.id()))));
            school.flatMap(s -> directory.organisation(s.schoolNurseOrganisationId()).map(n -> Map.entry(s, n)))
                    .ifPresent(e -> forChild.add(alert(incident, child, known, e.getValue(), AgencyKind.SCHOOL_NURSE,
                            RoutingReason.SCHOOL_NURSE_FOR_SCHOOL,
                            "school nursing team for school " + e.getKey().id(), null,
                            clock.forSchool(e.getKey().id()))));
            directory.organisation(known.gpPracticeId()).ifPresent(gp -> forChild.add(alert(incident, child, known, gp,
                    AgencyKind.GP, RoutingReason.REGISTERED_WITH_GP, "registered with GP practice " + gp.id(), null,
                    clock)));
            if (SchoolAge.isUnderSchoolAge(known.dateOfBirth(), incidentDate)) {
                directory.organisation(known.healthVisitingTeamId()).ifPresent(hv -> forChild.add(alert(incident, child,
                        known, hv, AgencyKind.HEALTH_VISITING, RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE,
                        "under school age on the incident date; health visiting team " + hv.id(), null, clock)));
            }
            for (Supervision s : supervisions) {
                forChild.add(alert(incident, child, known, s.unit(), AgencyKind.PROBATION,
                        RoutingReason.ADULT_SUPERVISED_BY_PROBATION,
                        "an adult in the incident (" + s.adult().getRole() + ") is supervised by probation delivery unit "
                                + s.unit().id(), s.adult(), clock));
            }
            if (forChild.isEmpty()) {
                unresolved.add(unresolved(incident, index, child, UnresolvedReason.NO_LINKED_SERVICES,
                        "directory child " + known.id() + " has no linked school, GP or (under school age) health visiting team",
                        routedAt));
            }
            alerts.addAll(forChild);
        }
        // every alert leaves through the policy: only what the recipient's kind may receive, its version and basis
        return new Outcome(dedupe(alerts).stream().map(a -> policy.disclose(a, incident.getConsent())).toList(),
                List.copyOf(unresolved));
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
                                        .build())))));
        return new ArrayList<>(byUnit.values());
    }

    private static AgencyAlert alert(IncidentReported incident, IncidentChild child, DirectoryView.Child known,
                                     DirectoryView.Organisation recipient, AgencyKind kind, RoutingReason reason,
                                     String detail, SupervisedAdult supervisedAdult, AlertClock clock) {
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

    private static ChildUnresolved unresolved(IncidentReported incident, int index, IncidentChild child,
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
                .build();
    }
}
