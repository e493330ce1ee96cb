package uk.safeguarding.notification.routing.concern;

import uk.safeguarding.avro.ConcernRule;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.notification.routing.family.FamilyHistories;
import uk.safeguarding.notification.routing.family.FamilyIncident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The concern rules over a family's history, with no framework: a HIGH DASH risk level is a referral to the risk
 * assessment conference (HIGH_RISK); the family's Nth incident in the window, this one included, is an escalating
 * concern (ESCALATING_CONCERN); an incident within the window after the family's last referral is referred again and
 * flagged as a repeat (REPEAT_REFERRAL). Findings are in words without personal data.
 */
public final class ConcernRules {

    private ConcernRules() {
    }

    /** One rule that fired, and why in words. */
    public record Finding(ConcernRule rule, String detail) {
    }

    /**
     * @param familyIncidents the family's incidents (this one may be among them: it is left out by id)
     * @param priorReferrals  when the family's earlier referred incidents occurred (this incident's own left out)
     * @return the findings, most pressing first (HIGH_RISK, REPEAT_REFERRAL, ESCALATING_CONCERN); empty: no concern
     */
    public static List<Finding> evaluate(ConcernArea area, String incidentId, Instant occurredAt, RiskLevel riskLevel,
                                         Collection<FamilyIncident> familyIncidents, Collection<Instant> priorReferrals) {
        List<Finding> findings = new ArrayList<>();
        String window = words(area.window());
        if (area.highRisk() && riskLevel == RiskLevel.HIGH) {
            findings.add(new Finding(ConcernRule.HIGH_RISK,
                    "DASH risk level HIGH: refer to the multi-agency risk assessment conference (MARAC)"));
        }
        if (area.repeatReferral()) {
            Instant from = FamilyHistories.windowStart(occurredAt, area.window());
            Optional<Instant> last = priorReferrals.stream()
                    .filter(r -> !r.isBefore(from) && !r.isAfter(occurredAt))
                    .max(Instant::compareTo);
            last.ifPresent(r -> findings.add(new Finding(ConcernRule.REPEAT_REFERRAL,
                    "within " + window + " of the family's last referral (incident of "
                            + LocalDate.ofInstant(r, FamilyHistories.ZONE) + ")")));
        }
        if (area.escalatingConcernIncidents() > 0) {
            int incidents = FamilyHistories.priorIncidents(incidentId, occurredAt, area.window(), familyIncidents).size() + 1;
            if (incidents >= area.escalatingConcernIncidents()) {
                findings.add(new Finding(ConcernRule.ESCALATING_CONCERN,
                        incidents + " incidents involving the family in " + window + ", this one included"));
            }
        }
        return List.copyOf(findings);
    }

    /** The rule in words: "High risk", "Escalating concern", "Repeat referral". */
    public static String words(ConcernRule rule) {
        String s = rule.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "12 months", "3 months", "1 year and 6 months", "90 days". */
    static String words(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() > 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() > 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() > 0) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" and ", parts);
    }
}
