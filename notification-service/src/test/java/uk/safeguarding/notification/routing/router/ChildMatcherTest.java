package uk.safeguarding.notification.routing.router;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.MatchOutcome;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChildMatcherTest {

    private static final LocalDate DOB = LocalDate.of(2015, 3, 4);

    private static DirectoryView.Child child(String id, String given, String family, LocalDate dob) {
        return new DirectoryView.Child(id, given, family, dob, "SCH-1", "GP-1", null);
    }

    private static IncidentChild named(String given, String family, LocalDate dob, String... ids) {
        List<uk.safeguarding.avro.PersonIdentifier> identifiers = new ArrayList<>();
        for (String id : ids) {
            String[] p = id.split("=");
            identifiers.add(SampleIncidents.id(IdentifierScheme.valueOf(p[0]), p[1]));
        }
        return SampleIncidents.child(given, family, dob).setIdentifiers(identifiers).build();
    }

    private static ChildMatcher.Result match(IncidentChild child, DirectoryView view) {
        return ChildMatcher.fuzzy().match(0, child, view);
    }

    @Test
    void anIdentifierMatchesEvenWhenTheNameDiffers() {
        DirectoryView view = Views.standard().child(child("CH-1", "Joanna", "Marsh", DOB), "UPN=A1").build();
        ChildMatcher.Result result = match(named("Jo", "Marsh-Smith", null, "UPN=a 1"), view);
        assertThat(result).isInstanceOfSatisfying(ChildMatcher.Matched.class, m -> {
            assertThat(m.child().id()).isEqualTo("CH-1");
            assertThat(m.match().getOutcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(m.match().getScore()).isEqualTo(100);
            assertThat(m.match().getReasons()).contains("exact UPN");
        });
    }

    @Test
    void aMisspelledNameWithDayAndMonthSwappedIsRoutedForReviewWithReasonsAndNoNames() {
        DirectoryView view = Views.standard()
                .childAt(child("CH-1", "John", "Smith", LocalDate.of(2015, 3, 4)), "EX1 1AA")
                .childAt(child("CH-2", "Amelia", "Smith", LocalDate.of(2013, 6, 1)), "EX1 1AA").build();
        ChildMatcher.Result result = match(SampleIncidents.child("Jon", "Smyth", LocalDate.of(2015, 4, 3))
                .setPostcode("ex11aa").build(), view);
        assertThat(result).isInstanceOfSatisfying(ChildMatcher.Matched.class, m -> {
            assertThat(m.child().id()).isEqualTo("CH-1");
            assertThat(m.match().getOutcome()).isEqualTo(MatchOutcome.REVIEW);
            assertThat(m.match().getReasons()).contains("date of birth with day and month swapped",
                    "family name within a typo");
            assertThat(String.join(" ", m.match().getReasons()).toLowerCase())
                    .doesNotContain("jon", "john", "smyth", "smith", "2015");
        });
    }

    @Test
    void aDifferentDateOfBirthScoresBelowTheThreshold() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB)).build();
        assertThat(match(named("Ann", "Lee", LocalDate.of(2011, 11, 20)), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class, u -> {
                    assertThat(u.reason()).isEqualTo(UnresolvedReason.BELOW_MATCH_THRESHOLD);
                    assertThat(u.bestScore()).isLessThan(65);
                    assertThat(u.reasons()).contains("date of birth differs");
                });
    }

    @Test
    void aChildNobodyInTheDirectoryResemblesIsNoMatch() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB)).build();
        assertThat(match(named("Robin", "Newcombe", LocalDate.of(2017, 3, 14)), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class, u -> {
                    assertThat(u.reason()).isEqualTo(UnresolvedReason.NO_MATCH);
                    assertThat(u.bestScore()).isNull();
                });
    }

    @Test
    void twoChildrenWithTheSameNameAndDateOfBirthAreAmbiguous() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB))
                .child(child("CH-2", "Ann", "Lee", DOB)).build();
        assertThat(match(named("Ann", "Lee", DOB), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class,
                        u -> assertThat(u.reason()).isEqualTo(UnresolvedReason.AMBIGUOUS_MATCH));
    }

    @Test
    void identifiersNamingDifferentChildrenAreAmbiguous() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB), "UPN=A1")
                .child(child("CH-2", "Bea", "Lee", DOB), "NHS_NUMBER=9434765919").build();
        assertThat(match(named("Ann", "Lee", DOB, "UPN=A1", "NHS_NUMBER=9434765919"), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class,
                        u -> assertThat(u.reason()).isEqualTo(UnresolvedReason.AMBIGUOUS_MATCH));
    }

    @Test
    void aPncIdIsNotAChildIdentifier() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB), "UPN=X1").build();
        assertThat(match(named("Someone", "Else", null, "PNC_ID=X1"), view))
                .isInstanceOf(ChildMatcher.Unmatched.class);
    }

    @Test
    void aConfirmedChildIsMatchedForItsOwnPlaceInTheIncidentOnly() {
        DirectoryView.Child known = child("CH-9", "Ann", "Lee", DOB);
        ChildMatcher confirmed = ChildMatcher.confirmed(1, known);
        DirectoryView view = Views.standard().build();
        assertThat(confirmed.match(0, named("Ann", "Lee", DOB), view)).isInstanceOf(ChildMatcher.Skipped.class);
        assertThat(confirmed.match(1, named("Anne", "Leigh", null), view))
                .isInstanceOfSatisfying(ChildMatcher.Matched.class, m -> {
                    assertThat(m.child()).isEqualTo(known);
                    assertThat(m.match().getOutcome()).isEqualTo(MatchOutcome.CONFIRMED_BY_PERSON);
                    assertThat(m.match().getReasons()).containsExactly("confirmed by a person");
                });
    }
}
