package uk.safeguarding.notification.routing.concern;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.ConcernRule;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.notification.routing.family.FamilyIncident;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcernRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T22:15:00Z");
    private static final ConcernArea AREA = new ConcernArea("north", Set.of("NTH"), "CSC-N", true, 3, true,
            Period.ofMonths(12));

    private static FamilyIncident earlier(String id, String occurredAt) {
        return new FamilyIncident(id, "NTH", Instant.parse(occurredAt), RiskLevel.MEDIUM);
    }

    private static List<ConcernRule> rules(List<ConcernRules.Finding> findings) {
        return findings.stream().map(ConcernRules.Finding::rule).toList();
    }

    @Test
    void aHighRiskLevelIsAReferralToTheRiskAssessmentConference() {
        List<ConcernRules.Finding> findings = ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.HIGH, List.of(), List.of());

        assertThat(rules(findings)).containsExactly(ConcernRule.HIGH_RISK);
        assertThat(findings.get(0).detail()).contains("MARAC");
    }

    @Test
    void aMediumRiskFirstIncidentRaisesNothing() {
        assertThat(ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.MEDIUM, List.of(), List.of())).isEmpty();
    }

    @Test
    void theThirdIncidentInTwelveMonthsIsAnEscalatingConcernTheSecondIsNot() {
        List<FamilyIncident> two = List.of(earlier("A", "2026-03-01T10:00:00Z"), earlier("B", "2026-07-01T10:00:00Z"));

        assertThat(ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.MEDIUM, two.subList(0, 1), List.of())).isEmpty();
        List<ConcernRules.Finding> third = ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.MEDIUM, two, List.of());
        assertThat(rules(third)).containsExactly(ConcernRule.ESCALATING_CONCERN);
        assertThat(third.get(0).detail()).isEqualTo(
                "3 incidents involving the family in 12 months, this one included");
    }

    @Test
    void revisionsOfOneIncidentAndIncidentsOutsideTheWindowDoNotEscalate() {
        // given the same earlier incident seen twice and one 14 months ago
        List<FamilyIncident> rows = List.of(earlier("A", "2026-03-01T10:00:00Z"), earlier("A", "2026-03-01T10:00:00Z"),
                earlier("OLD", "2025-09-01T10:00:00Z"), earlier("THIS", "2026-11-20T22:15:00Z"));

        assertThat(ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.MEDIUM, rows, List.of())).isEmpty();
    }

    @Test
    void anIncidentWithinTwelveMonthsOfTheFamilysLastReferralIsFlaggedAsARepeat() {
        List<ConcernRules.Finding> findings = ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.MEDIUM,
                List.of(earlier("A", "2026-03-01T10:00:00Z")), List.of(Instant.parse("2026-03-01T10:00:00Z")));

        assertThat(rules(findings)).containsExactly(ConcernRule.REPEAT_REFERRAL);
        assertThat(findings.get(0).detail()).contains("2026-03-01").contains("12 months");
        // and a referral 13 months ago is no repeat
        assertThat(ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.MEDIUM, List.of(),
                List.of(Instant.parse("2025-10-01T10:00:00Z")))).isEmpty();
    }

    @Test
    void everyRuleThatFiresIsFoundMostPressingFirst() {
        List<FamilyIncident> two = List.of(earlier("A", "2026-03-01T10:00:00Z"), earlier("B", "2026-07-01T10:00:00Z"));

        List<ConcernRules.Finding> findings = ConcernRules.evaluate(AREA, "THIS", NOW, RiskLevel.HIGH, two,
                List.of(Instant.parse("2026-07-01T10:00:00Z")));

        assertThat(rules(findings)).containsExactly(ConcernRule.HIGH_RISK, ConcernRule.REPEAT_REFERRAL,
                ConcernRule.ESCALATING_CONCERN);
    }

    @Test
    void anAreaConfiguresItsRulesAndWindow() {
        // given an area with high risk off, escalating at 2 in 3 months, no repeat flag
        ConcernArea strict = new ConcernArea("south", Set.of("STH"), "CSC-S", false, 2, false, Period.ofMonths(3));
        List<FamilyIncident> prior = List.of(earlier("A", "2026-09-01T10:00:00Z"));

        // then HIGH alone raises nothing, a second incident in 3 months escalates, one 4 months ago does not
        assertThat(ConcernRules.evaluate(strict, "THIS", NOW, RiskLevel.HIGH, List.of(), List.of(NOW))).isEmpty();
        assertThat(rules(ConcernRules.evaluate(strict, "THIS", NOW, RiskLevel.MEDIUM, prior, List.of())))
                .containsExactly(ConcernRule.ESCALATING_CONCERN);
        assertThat(ConcernRules.evaluate(strict, "THIS", NOW, RiskLevel.MEDIUM,
                List.of(earlier("A", "2026-07-01T10:00:00Z")), List.of())).isEmpty();
    }

    @Test
    void anIncidentBelongsToTheAreaListingItsForceOtherwiseToTheDefault() {
        ConcernArea def = new ConcernArea(ConcernAreas.DEFAULT, Set.of(), "CSC-D", true, 3, true, Period.ofMonths(12));
        ConcernAreas areas = new ConcernAreas(List.of(AREA, def));

        assertThat(areas.forForce("nth")).contains(AREA);
        assertThat(areas.forForce("WMP")).contains(def);
        assertThat(new ConcernAreas(List.of(AREA)).forForce("WMP")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> new ConcernAreas(List.of(AREA, new ConcernArea("other", Set.of("NTH"), "X", true, 3,
                true, Period.ofMonths(12))))).hasMessageContaining("NTH");
    }
}
