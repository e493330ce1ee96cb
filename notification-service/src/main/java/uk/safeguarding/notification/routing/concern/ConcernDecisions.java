package uk.safeguarding.notification.routing.concern;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.family.FamilyIncident;
import uk.safeguarding.notification.routing.family.FamilyRecords.Family;
import uk.safeguarding.notification.routing.family.FamilyRecords.FamilyChild;
import uk.safeguarding.notification.routing.router.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concern rules over one batch, with no database: for each incident revision in an area with rules, in order of
 * occurrence (so an earlier incident of the batch referred now counts for a later one's repeat), which rules fire on
 * its family's incidents and whether a referral to the area's children's social care can be raised.
 */
public final class ConcernDecisions {

    private ConcernDecisions() {
    }

    /** Rules fired but no referral raised, and why (ids and rule names only). */
    public record NotRaised(String incidentId, int revision, List<String> rules, String area, String why) {
    }

    /**
     * @param raised    the referral alerts to send, one per alert id
     * @param referrals what to record, the latest revision per (incident, recipient)
     * @param fired     the rules that fired on a raised referral, one entry each time
     */
    public record Decision(List<AgencyAlert> raised, List<ConcernReferrals.Referral> referrals, List<NotRaised> notRaised,
                           List<String> fired) {
    }

    /**
     * @param families       each incident's family (same order as {@code batch})
     * @param histories      each incident's family history (same order)
     * @param referred       the incidents already referred, with when they occurred (from the database)
     * @param recipientNames the areas' children's social care organisations the directory holds, id to name
     */
    public static Decision decide(List<FamilyPatterns.Routed> batch, List<Family> families, List<FamilyHistory> histories,
                                  ConcernAreas areas, Map<String, Instant> referred, Map<String, String> recipientNames,
                                  Deadlines deadlines, Instant routedAt) {
        Map<String, Instant> referredSoFar = new HashMap<>(referred);
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < batch.size(); n++) {
            order.add(n);
        }
        order.sort(Comparator.comparing((Integer n) -> batch.get(n).incident().getOccurredAt()).thenComparing(n -> n));
        Map<String, AgencyAlert> raised = new LinkedHashMap<>();
        Map<String, ConcernReferrals.Referral> made = new LinkedHashMap<>();
        List<NotRaised> notRaised = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        for (int n : order) {
            IncidentReported incident = batch.get(n).incident();
            ConcernArea area = areas.forForce(incident.getForceCode()).orElse(null);
            if (area == null) {
                continue;
            }
            Family family = families.get(n);
            List<Instant> priorReferrals = new ArrayList<>();
            for (FamilyIncident i : family.incidents()) {
                if (!i.incidentId().equals(incident.getIncidentId()) && referredSoFar.containsKey(i.incidentId())) {
                    priorReferrals.add(i.occurredAt());
                }
            }
            List<ConcernRules.Finding> findings = ConcernRules.evaluate(area, incident.getIncidentId(),
                    incident.getOccurredAt(), incident.getRiskLevel(), family.incidents(), priorReferrals);
            if (findings.isEmpty()) {
                continue;
            }
            List<String> rules = findings.stream().map(f -> f.rule().name()).toList();
            String recipientName = recipientNames.get(area.recipientOrganisationId());
            List<AlertChild> children = householdChildren(batch.get(n).alerts(), family);
            if (recipientName == null || children.isEmpty()) {
                notRaised.add(new NotRaised(incident.getIncidentId(), incident.getRevision(), rules, area.name(),
                        recipientName == null ? "its recipient " + area.recipientOrganisationId()
                                + " is not a children's social care organisation in the directory"
                                : "no child of the family is in the directory"));
                continue;
            }
            Instant dueBy = deadlines.dueBy(AgencyKind.CHILDRENS_SOCIAL_CARE, area.recipientOrganisationId(),
                    Deadlines.receivedAt(incident.getReportedAt(), routedAt));
            AgencyAlert alert = ConcernAlerts.build(incident, area, findings,
                    new ConcernAlerts.Organisation(area.recipientOrganisationId(), recipientName), children,
                    FamilyHistory.newBuilder(histories.get(n)).build(), routedAt, dueBy);
            raised.putIfAbsent(alert.getAlertId(), alert);
            String key = incident.getIncidentId() + "|" + area.recipientOrganisationId();
            ConcernReferrals.Referral referral = new ConcernReferrals.Referral(alert, incident.getOccurredAt(),
                    String.join(",", rules));
            made.merge(key, referral, (a, b) -> a.alert().getIncidentRevision() >= b.alert().getIncidentRevision() ? a : b);
            referredSoFar.putIfAbsent(incident.getIncidentId(), incident.getOccurredAt());
            fired.addAll(rules);
        }
        return new Decision(new ArrayList<>(raised.values()), new ArrayList<>(made.values()), notRaised, fired);
    }

    /** The incident's matched children (in alert order), then the family's other children, as the directory holds them. */
    static List<AlertChild> householdChildren(List<AgencyAlert> alerts, Family family) {
        Map<String, AlertChild> children = new LinkedHashMap<>();
        for (AgencyAlert a : alerts) {
            children.putIfAbsent(a.getChild().getChildId(), AlertChild.newBuilder(a.getChild()).build());
        }
        for (FamilyChild c : family.children().values()) {
            children.putIfAbsent(c.id(), AlertChild.newBuilder().setChildId(c.id()).setGivenName(c.givenName())
                    .setFamilyName(c.familyName()).setDateOfBirth(c.dateOfBirth()).build());
        }
        return new ArrayList<>(children.values());
    }
}
