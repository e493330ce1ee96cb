package uk.safeguarding.notification.routing.family;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.PriorIncident;
import uk.safeguarding.avro.RiskLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyHistoriesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T22:15:00Z");

    private static FamilyIncident incident(String id, String occurredAt, RiskLevel risk) {
        return new FamilyIncident(id, "TST", Instant.parse(occurredAt), risk);
    }

    @Test
    void theFamilysOtherIncidentsInTheLastTwelveMonthsAreCountedOnceEachNewestFirst() {
        // given incidents seen through several members (the same incident twice) and the incident itself
        List<FamilyIncident> rows = List.of(
                incident("A", "2026-03-01T10:00:00Z", RiskLevel.MEDIUM),
                incident("B", "2026-07-01T10:00:00Z", RiskLevel.HIGH),
                incident("A", "2026-03-01T10:00:00Z", RiskLevel.MEDIUM),
                incident("THIS", "2026-11-20T22:15:00Z", RiskLevel.STANDARD));

        // when
        FamilyHistory h = FamilyHistories.of("THIS", NOW, rows);

        // then
        assertThat(h.getIncidentsLast12Months()).isEqualTo(2);
        assertThat(h.getRepeat()).isTrue();
        assertThat(h.getIncidents()).extracting(PriorIncident::getIncidentId).containsExactly("B", "A");
        assertThat(h.getIncidents().get(0).getRiskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(h.getIncidents().get(0).getForceCode()).isEqualTo("TST");
    }

    @Test
    void incidentsOlderThanTwelveMonthsOrAfterThisOneAreNotHistory() {
        // given one incident 13 months before, one a day after this one
        List<FamilyIncident> rows = List.of(
                incident("OLD", "2025-10-20T10:00:00Z", RiskLevel.HIGH),
                incident("LATER", "2026-11-21T10:00:00Z", RiskLevel.HIGH),
                incident("EDGE", "2025-11-21T10:00:00Z", RiskLevel.MEDIUM));

        // when
        FamilyHistory h = FamilyHistories.of("THIS", NOW, rows);

        // then only the one inside the window counts
        assertThat(h.getIncidents()).extracting(PriorIncident::getIncidentId).containsExactly("EDGE");
        assertThat(h.getIncidentsLast12Months()).isEqualTo(1);
    }

    @Test
    void aFirstIncidentIsNoRepeatAndHasNoHistory() {
        FamilyHistory h = FamilyHistories.of("THIS", NOW, List.of(incident("THIS", "2026-11-20T22:15:00Z",
                RiskLevel.HIGH)));

        assertThat(h.getIncidentsLast12Months()).isZero();
        assertThat(h.getRepeat()).isFalse();
        assertThat(h.getIncidents()).isEmpty();
    }

    @Test
    void theListIsCappedButTheCountIsComplete() {
        // given 14 earlier incidents, one a week
        List<FamilyIncident> rows = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            rows.add(new FamilyIncident("I" + i, "TST", NOW.minusSeconds(i * 7L * 86_400), RiskLevel.STANDARD));
        }

        // when
        FamilyHistory h = FamilyHistories.of("THIS", NOW, rows);

        // then
        assertThat(h.getIncidentsLast12Months()).isEqualTo(14);
        assertThat(h.getIncidents()).hasSize(FamilyHistories.LISTED);
        assertThat(h.getIncidents().get(0).getIncidentId()).isEqualTo("I1");
    }
}
