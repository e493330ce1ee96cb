package uk.safeguarding.notification.routing.unresolved;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.routing.matching.Candidate;
import uk.safeguarding.notification.routing.matching.ChildDetails;
import uk.safeguarding.notification.routing.matching.FuzzyChildMatcher;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateSearchTest {

    private static final FuzzyChildMatcher MATCHER = new FuzzyChildMatcher();
    private static final ChildDetails RECORDED = ChildDetails.of("Alex", "Tremayne", LocalDate.of(2015, 6, 21), "EX1 1AA");

    @Test
    void theSearchBoxTakesNamesADateAPostcodeAndIdsInAnyOrder() {
        CandidateSearch.Query q = CandidateSearch.parse("EX1 1AA  Ava Smith-Jones 04/05/2016, CH-00001");
        assertThat(q.givenName()).isEqualTo("Ava");
        assertThat(q.familyName()).isEqualTo("Smith-Jones");
        assertThat(q.dateOfBirth()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(q.postcode()).isEqualTo("EX1 1AA");
        assertThat(q.ids()).containsExactly("CH-00001");
        assertThat(CandidateSearch.parse("2016-05-04 ls62ab").postcode()).isEqualTo("LS62AB");
        assertThat(CandidateSearch.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void whatTheQueryNamesReplacesThatPartOfThePolicesRecord() {
        ChildDetails probe = CandidateSearch.parse("Alexandra 2015-06-12").over(RECORDED);
        assertThat(probe.familyName()).isEqualTo("Alexandra");
        assertThat(probe.dateOfBirth()).isEqualTo(LocalDate.of(2015, 6, 12));
        assertThat(probe.postcode()).isEqualTo("EX1 1AA");
        assertThat(CandidateSearch.parse("Alexandra").probes(RECORDED)).extracting(ChildDetails::givenName)
                .containsExactly("Alex", "Alexandra");
    }

    @Test
    void candidatesAreRankedByTheMatchersScoreAndATypedIdComesFirst() {
        Candidate alexander = new Candidate("T1", ChildDetails.of("Alexander", "Tremayne", LocalDate.of(2015, 6, 21), "EX1 1AA"));
        Candidate alexandra = new Candidate("T2", ChildDetails.of("Alexandra", "Tremayne", LocalDate.of(2015, 6, 21), "EX1 1AA"));
        Candidate other = new Candidate("O1", ChildDetails.of("Zebedee", "Other", LocalDate.of(2012, 1, 1), "M14 1AA"));

        List<CandidateSearch.Ranked> byName = CandidateSearch.rank(CandidateSearch.parse("Alexandra").probes(RECORDED),
                List.of(), List.of(other, alexander, alexandra), MATCHER, 10);
        assertThat(byName).extracting(r -> r.candidate().id()).containsExactly("T2", "T1", "O1");
        assertThat(byName.get(0).reasons()).contains("given name matches");

        List<CandidateSearch.Ranked> byId = CandidateSearch.rank(RECORDED, List.of("o1"), List.of(alexander, other),
                MATCHER, 1);
        assertThat(byId).singleElement().satisfies(r -> {
            assertThat(r.candidate().id()).isEqualTo("O1");
            assertThat(r.score()).isEqualTo(100);
            assertThat(r.reasons()).first().isEqualTo("the id searched for");
        });
    }
}
