package uk.safeguarding.notification.routing;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
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

    @Test
    void anIdentifierMatchesEvenWhenTheNameDiffers() {
        DirectoryView view = Views.standard().child(child("CH-1", "Josephine", "Marsh", DOB), "UPN=A1").build();
        ChildMatcher.Result result = ChildMatcher.match(named("Jo", "Marsh-Smith", null, "UPN=a 1"), view);
        assertThat(result).isInstanceOfSatisfying(ChildMatcher.Matched.class,
                m -> assertThat(m.child().id()).isEqualTo("CH-1"));
    }

    @Test
    void anIdentifierMatchWinsOverANameMatchOfAnotherChild() {
        DirectoryView view = Views.standard()
                .child(child("CH-1", "Ann", "Lee", DOB), "NHS_NUMBER=9434765919")
                .child(child("CH-2", "Bea", "Lee", DOB)).build();
        ChildMatcher.Result result = ChildMatcher.match(named("Bea", "Lee", DOB, "NHS_NUMBER=943 476 5919"), view);
        assertThat(((ChildMatcher.Matched) result).child().id()).isEqualTo("CH-1");
    }

    @Test
    void withoutAnIdentifierMatchTheNormalisedNameAndDateOfBirthMatch() {
        DirectoryView view = Views.standard().child(child("CH-1", "Zoë", "Smith-Jones", DOB)).build();
        assertThat(ChildMatcher.match(named("ZOE", "smith jones", DOB, "UPN=UNKNOWN"), view))
                .isInstanceOf(ChildMatcher.Matched.class);
    }

    @Test
    void aDifferentDateOfBirthIsNoMatch() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB)).build();
        assertThat(ChildMatcher.match(named("Ann", "Lee", DOB.plusDays(1)), view))
                .isEqualTo(new ChildMatcher.Unmatched(UnresolvedReason.NO_MATCH,
                        "no directory child matches the identifiers or name and date of birth"));
    }

    @Test
    void noDateOfBirthAndNoIdentifierIsNoMatch() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB)).build();
        assertThat(ChildMatcher.match(named("Ann", "Lee", null), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class,
                        u -> assertThat(u.reason()).isEqualTo(UnresolvedReason.NO_MATCH));
    }

    @Test
    void twoChildrenWithTheSameNameAndDateOfBirthAreAmbiguous() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB))
                .child(child("CH-2", "ANN", "LEE", DOB)).build();
        assertThat(ChildMatcher.match(named("Ann", "Lee", DOB), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class,
                        u -> assertThat(u.reason()).isEqualTo(UnresolvedReason.AMBIGUOUS_MATCH));
    }

    @Test
    void identifiersNamingDifferentChildrenAreAmbiguous() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB), "UPN=A1")
                .child(child("CH-2", "Bea", "Lee", DOB), "NHS_NUMBER=9434765919").build();
        assertThat(ChildMatcher.match(named("Ann", "Lee", DOB, "UPN=A1", "NHS_NUMBER=9434765919"), view))
                .isInstanceOfSatisfying(ChildMatcher.Unmatched.class,
                        u -> assertThat(u.reason()).isEqualTo(UnresolvedReason.AMBIGUOUS_MATCH));
    }

    @Test
    void aPncIdIsNotAChildIdentifier() {
        DirectoryView view = Views.standard().child(child("CH-1", "Ann", "Lee", DOB), "PNC_ID=X1").build();
        assertThat(ChildMatcher.match(named("Someone", "Else", null, "PNC_ID=X1"), view))
                .isInstanceOf(ChildMatcher.Unmatched.class);
    }
}
