package uk.safeguarding.notification.routing.concern;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.ConcernRaised;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.notification.shared.vocabulary.AlertIds;
import uk.safeguarding.serde.GeneratedAvroClasses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The alert a concern raises to the area's children's social care: ONE per incident revision and recipient, whatever
 * the number of rules that fired (concern.rule is the most pressing, concern.detail lists every finding), about the
 * household's children (the incident's matched children first). Its child is the first of them, so the ledger key
 * (incident, revision, child, recipient) and the update of a later revision line up.
 */
public final class ConcernAlerts {

    static {
        GeneratedAvroClasses.trust();
    }

    private ConcernAlerts() {
    }

    /** The recipient organisation as the directory holds it. */
    public record Organisation(String id, String name) {
    }

    public static AgencyAlert build(IncidentReported incident, ConcernArea area, List<ConcernRules.Finding> findings,
                                    Organisation recipient, List<AlertChild> householdChildren, FamilyHistory history,
                                    Instant routedAt, Instant dueBy) {
        if (findings.isEmpty() || householdChildren.isEmpty()) {
            throw new IllegalArgumentException("a concern alert needs a finding and a child");
        }
        AlertChild first = householdChildren.get(0);
        String rules = findings.stream().map(f -> f.rule().name()).collect(Collectors.joining(", "));
        String detail = findings.stream().map(f -> ConcernRules.words(f.rule()) + ": " + f.detail()).collect(Collectors.joining("; "));
        return AgencyAlert.newBuilder()
                .setAlertId(AlertIds.of(incident.getIncidentId(), incident.getRevision(), "concern/" + first.getChildId(),
                        recipient.id()))
                .setIncidentId(incident.getIncidentId())
                .setIncidentRevision(incident.getRevision())
                .setForceCode(incident.getForceCode())
                .setPoliceReference(incident.getPoliceReference())
                .setRecipient(Recipient.newBuilder().setOrganisationId(recipient.id()).setOrganisationName(recipient.name())
                        .setKind(AgencyKind.CHILDRENS_SOCIAL_CARE).build())
                .setChild(AlertChild.newBuilder(first).build())
                // about the household, not one child: the incident's facts without any one child's presence or words;
                // the information-sharing policy then filters it like every other alert (IncidentBatchRouter)
                .setDisclosed(Disclosure.newBuilder()
                        .setOccurredAt(incident.getOccurredAt())
                        .setReportedAt(incident.getReportedAt())
                        .setRiskLevel(incident.getRiskLevel())
                        .setCircumstances(incident.getCircumstances())
                        .setLocation(incident.getLocation())
                        .setAttendingOfficer(incident.getAttendingOfficer())
                        .build())
                .setRoutingReason(RoutingReason.CONCERN_RULE)
                .setRoutingDetail("concern rules of area " + area.name() + ": " + rules)
                .setRoutedAt(routedAt)
                .setDueBy(dueBy)
                .setPolicyVersion(null)
                .setFamilyHistory(history)
                .setHouseholdChildren(new ArrayList<>(householdChildren.stream()
                        .map(c -> AlertChild.newBuilder(c).build()).toList()))
                .setConcern(ConcernRaised.newBuilder().setRule(findings.get(0).rule()).setDetail(detail).build())
                .build();
    }
}
