package uk.safeguarding.notification.routing.matching;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.safeguarding.notification.routing.matching.MatchDecision.Outcome.MATCHED;
import static uk.safeguarding.notification.routing.matching.MatchDecision.Outcome.REVIEW;
import static uk.safeguarding.notification.routing.matching.MatchDecision.Outcome.UNRESOLVED;

class FuzzyChildMatcherTest {

    private static final LocalDate DOB = LocalDate.of(2015, 3, 7);
    private static final FuzzyChildMatcher MATCHER = new FuzzyChildMatcher();

    private static Candidate dir(String id, String given, String family, LocalDate dob, String postcode) {
        return new Candidate(id, ChildDetails.of(given, family, dob, postcode));
    }

    private static Candidate dir(String id, String given, String family, LocalDate dob, String postcode, String upn,
                                 String nhs) {
        return new Candidate(id, new ChildDetails(given, family, dob, postcode, upn, nhs));
    }

    private static ChildDetails incident(String given, String family, LocalDate dob, String postcode) {
        return ChildDetails.of(given, family, dob, postcode);
    }

    private static MatchDecision decide(ChildDetails incident, Candidate... candidates) {
        return MATCHER.decide(incident, List.of(candidates));
    }

    private static void assertReason(MatchDecision d, String expected) {
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains(expected)),
                "expected a reason containing '" + expected + "' in " + d.reasons());
    }

    // identifiers

    @Test
    void anExactUpnDecidesEvenWhenTheNamesAreWrittenDifferently() {
        MatchDecision d = decide(new ChildDetails("Lexi", "Smyth", null, null, "a123456789012", null),
                dir("c1", "Alexandra", "Smith", DOB, "LS6 2AB", "A123456789012", null),
                dir("c2", "Alexandra", "Smith", DOB, "LS6 2AB", "B123456789012", null));
        assertEquals(MATCHED, d.outcome());
        assertEquals("c1", d.chosenId());
        assertEquals(100, d.score());
        assertReason(d, "exact UPN");
    }

    @Test
    void anExactNhsNumberWrittenWithSpacesDecides() {
        MatchDecision d = decide(new ChildDetails("Tom", "Hall", null, null, null, "943 476 5919"),
                dir("c1", "Thomas", "Hall", DOB, "LS6 2AB", null, "9434765919"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "exact NHS number");
    }

    @Test
    void identifiersNamingTwoChildrenAreAmbiguousNotAPick() {
        MatchDecision d = decide(new ChildDetails("Tom", "Hall", DOB, null, "A1", "9434765919"),
                dir("c1", "Thomas", "Hall", DOB, "LS6 2AB", "A1", null),
                dir("c2", "Thomas", "Hall", DOB, "LS6 2AB", null, "9434765919"));
        assertEquals(UNRESOLVED, d.outcome());
        assertNull(d.chosen());
        assertReason(d, "ambiguous");
    }

    @Test
    void aMatchingUpnWithAConflictingNhsNumberIsOnlyReview() {
        MatchDecision d = decide(new ChildDetails("Tom", "Hall", DOB, null, "A1", "1111111111"),
                dir("c1", "Thomas", "Hall", DOB, "LS6 2AB", "A1", "2222222222"));
        assertEquals(REVIEW, d.outcome());
        assertReason(d, "NHS number differs");
    }

    @Test
    void aConflictingUpnKeepsAnOtherwisePerfectMatchOutOfMatched() {
        MatchDecision d = decide(new ChildDetails("Thomas", "Hall", DOB, "LS6 2AB", "A1", null),
                dir("c1", "Thomas", "Hall", DOB, "LS6 2AB", "A2", null));
        assertEquals(REVIEW, d.outcome());
        assertReason(d, "UPN differs");
    }

    // names

    @Test
    void caseAccentsSpacesHyphensAndApostrophesDoNotCount() {
        MatchDecision d = decide(incident(" ZOE ", "OBRIEN SMITH", DOB, "ls62ab"),
                dir("c1", "Zoë", "O'Brien-Smith", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertEquals(100, d.score());
        assertReason(d, "given name matches");
        assertReason(d, "family name matches");
        assertReason(d, "postcode matches");
    }

    @Test
    void aKnownShortFormMatchesAndSaysWhichFormalName() {
        MatchDecision d = decide(incident("Alex", "Hall", DOB, "LS6 2AB"), dir("c1", "Alexander", "Hall", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "given name is a known variant");
    }

    @Test
    void commonNicknamesAreKnown() {
        for (String[] pair : new String[][]{{"Bill", "William"}, {"Peggy", "Margaret"}, {"Jack", "John"},
                {"Alex", "Alexandra"}, {"Libby", "Elizabeth"}, {"Ollie", "Oliver"}}) {
            MatchDecision d = decide(incident(pair[0], "Hall", DOB, "LS6 2AB"), dir("c1", pair[1], "Hall", DOB, "LS6 2AB"));
            assertEquals(MATCHED, d.outcome(), pair[0] + " for " + pair[1]);
        }
    }

    @Test
    void twoVariantsOfTheSameFormalNameMatch() {
        MatchDecision d = decide(incident("Bill", "Hall", DOB, "LS6 2AB"), dir("c1", "Will", "Hall", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "given name is a known variant");
    }

    @Test
    void aOneLetterTypoInTheGivenNameStillMatches() {
        MatchDecision d = decide(incident("Olivai", "Hall", DOB, "LS6 2AB"), dir("c1", "Olivia", "Hall", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "given name within a typo");
    }

    @Test
    void shortGivenNamesMustAgreeExactly() {
        MatchDecision d = decide(incident("Mya", "Hall", DOB, "LS6 2AB"), dir("c1", "Mia", "Hall", DOB, "LS6 2AB"));
        assertEquals(UNRESOLVED, d.outcome());
    }

    @Test
    void onePartOfAMultiPartGivenNameCounts() {
        MatchDecision d = decide(incident("Lily", "Hall", DOB, "LS6 2AB"), dir("c1", "Lily-Mae", "Hall", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "given name shares a part");
    }

    @Test
    void aFamilyNameTypoMatches() {
        MatchDecision d = decide(incident("Oliver", "Thomson", DOB, "LS6 2AB"),
                dir("c1", "Oliver", "Thompson", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "family name within a typo");
    }

    @Test
    void aFamilyNameThatSoundsAlikeCountsLess() {
        MatchDecision d = decide(incident("Oliver", "Stevens", DOB, "LS6 2AB"),
                dir("c1", "Oliver", "Stephens", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "family name sounds alike");
        assertTrue(d.score() < 100);
    }

    @Test
    void onePartOfADoubleBarrelledFamilyNameCounts() {
        MatchDecision d = decide(incident("Oliver", "Jones", DOB, "LS6 2AB"),
                dir("c1", "Oliver", "Smith-Jones", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "family name shares a part");
    }

    @Test
    void aChangedFamilyNameWithEverythingElseAgreeingIsReview() {
        MatchDecision d = decide(incident("Oliver", "Walker", DOB, "LS6 2AB"), dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(REVIEW, d.outcome());
        assertReason(d, "family name differs");
    }

    // date of birth

    @Test
    void aDateOfBirthWithDayAndMonthSwappedIsUsedButFlaggedForReviewEvenWithAnExactNameAndPostcode() {
        // given a directory child and a report agreeing on everything but a swapped day and month
        Candidate child = dir("c1", "Oliver", "Hall", DOB, "LS6 2AB");

        // when the report is matched
        MatchDecision d = decide(incident("Oliver", "Hall", LocalDate.of(2015, 7, 3), "LS6 2AB"), child);

        // then the child is used, with its high score, but a person checks it
        assertEquals(REVIEW, d.outcome());
        assertEquals("c1", d.chosenId());
        assertEquals(94, d.score());
        assertReason(d, "date of birth with day and month swapped");
        assertReason(d, "only with day and month swapped: review");
    }

    @Test
    void aSharedIdentifierStillDecidesWhenTheDateOfBirthHasDayAndMonthSwapped() {
        MatchDecision d = decide(new ChildDetails("Oliver", "Hall", LocalDate.of(2015, 7, 3), "LS6 2AB", null,
                "9434765919"), dir("c1", "Oliver", "Hall", DOB, "LS6 2AB", null, "9434765919"));
        assertEquals(MATCHED, d.outcome());
        assertEquals(100, d.score());
    }

    @Test
    void dayAndMonthCannotBeSwappedWhenTheDayIsAboveTwelve() {
        assertNull(MatchText.swapDayAndMonth(LocalDate.of(2015, 3, 13)));
        assertNull(MatchText.swapDayAndMonth(LocalDate.of(2015, 3, 3)));
        assertEquals(LocalDate.of(2015, 7, 3), MatchText.swapDayAndMonth(DOB));
    }

    @Test
    void aOneDigitDateOfBirthTypoIsOnlyReviewEvenWithTheSamePostcode() {
        MatchDecision d = decide(incident("Oliver", "Hall", LocalDate.of(2015, 3, 8), "LS6 2AB"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(REVIEW, d.outcome());
        assertReason(d, "date of birth one digit different");
    }

    @Test
    void aOneDigitDateOfBirthTypoWithAnotherPostcodeIsUnresolved() {
        MatchDecision d = decide(incident("Oliver", "Hall", LocalDate.of(2011, 3, 7), "M14 1AA"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(UNRESOLVED, d.outcome());
    }

    @Test
    void aDifferentDateOfBirthCountsStronglyAgainst() {
        MatchDecision d = decide(incident("Oliver", "Hall", LocalDate.of(2012, 11, 20), "LS6 2AB"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(UNRESOLVED, d.outcome());
        assertReason(d, "date of birth differs");
    }

    @Test
    void aMissingDateOfBirthWithNamesAndPostcodeIsReview() {
        MatchDecision d = decide(incident("Oliver", "Hall", null, "LS6 2AB"), dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(REVIEW, d.outcome());
        assertReason(d, "no date of birth to compare");
    }

    @Test
    void namesAloneAreNotEnough() {
        MatchDecision d = decide(incident("Oliver", "Hall", null, "M14 1AA"), dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(UNRESOLVED, d.outcome());
    }

    // postcode

    @Test
    void aChildWhoMovedStillMatchesOnNamesAndDateOfBirth() {
        MatchDecision d = decide(incident("Oliver", "Hall", DOB, "M14 1AA"), dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertReason(d, "postcode differs");
    }

    @Test
    void theSameOutwardCodeCountsALittle() {
        int same = MATCHER.score(incident("Oliver", "Walker", DOB, "LS6 9ZZ"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB")).score();
        int other = MATCHER.score(incident("Oliver", "Walker", DOB, "M14 1AA"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB")).score();
        assertEquals(FuzzyChildMatcher.POSTCODE_OUTWARD, same - other);
    }

    // siblings and twins

    @Test
    void aTwinWhoIsNotInTheDirectoryIsNeverMatchedToTheOtherTwin() {
        MatchDecision d = decide(incident("Amelia", "Hall", DOB, "LS6 2AB"), dir("c1", "Oscar", "Hall", DOB, "LS6 2AB"));
        assertEquals(UNRESOLVED, d.outcome());
        assertReason(d, "no candidate's given name agrees");
    }

    @Test
    void twinsAreToldApartByTheirGivenNames() {
        MatchDecision d = decide(incident("OSCAR", "hall", DOB, "LS6 2AB"),
                dir("c1", "Amelia", "Hall", DOB, "LS6 2AB"), dir("c2", "Oscar", "Hall", DOB, "LS6 2AB"));
        assertEquals(MATCHED, d.outcome());
        assertEquals("c2", d.chosenId());
    }

    @Test
    void aShortFormSharedByTwinsIsAmbiguous() {
        MatchDecision d = decide(incident("Alex", "Hall", DOB, "LS6 2AB"),
                dir("c1", "Alexander", "Hall", DOB, "LS6 2AB"), dir("c2", "Alexandra", "Hall", DOB, "LS6 2AB"));
        assertEquals(UNRESOLVED, d.outcome());
        assertNull(d.chosen());
        assertReason(d, "ambiguous: 2 candidates");
    }

    @Test
    void twoCandidatesWithinTheMarginAreNeverSilentlyPicked() {
        // the same child twice in the directory, or two children of the same name and birthday nearby
        MatchDecision d = decide(incident("Oliver", "Hall", DOB, "LS6 2AB"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"), dir("c2", "Oliver", "Hall", DOB, "LS6 3CD"));
        assertEquals(UNRESOLVED, d.outcome());
        assertReason(d, "ambiguous");
    }

    @Test
    void aCandidateClearlyAheadOfTheNextIsPicked() {
        MatchDecision d = decide(incident("Oliver", "Hall", DOB, "LS6 2AB"),
                dir("c1", "Oliver", "Hall", DOB, "LS6 2AB"), dir("c2", "Oliver", "Hall", null, "M14 1AA"));
        assertEquals(MATCHED, d.outcome());
        assertEquals("c1", d.chosenId());
    }

    @Test
    void noCandidatesIsUnresolved() {
        MatchDecision d = MATCHER.decide(incident("Oliver", "Hall", DOB, "LS6 2AB"), List.of());
        assertEquals(UNRESOLVED, d.outcome());
        assertReason(d, "no candidates");
    }

    // settings

    @Test
    void thresholdsComeFromTheSettings() {
        FuzzyChildMatcher strict = new FuzzyChildMatcher(new MatchSettings(98, 96, 10), Nicknames.defaults());
        MatchDecision d = strict.decide(incident("Alex", "Hall", DOB, "LS6 2AB"),
                List.of(dir("c1", "Alexander", "Hall", DOB, "LS6 2AB")));
        assertEquals(UNRESOLVED, d.outcome());
        assertReason(d, "below review threshold 96");
        assertThrows(IllegalArgumentException.class, () -> new MatchSettings(60, 70, 10));
        assertThrows(IllegalArgumentException.class, () -> new MatchSettings(80, 65, -1));
    }

    @Test
    void reasonsNeverQuoteANameOrADate() {
        Candidate c = new Candidate("c1", ChildDetails.of("Olivia", "Stephens", LocalDate.of(2015, 3, 7), "LS6 2AB"));
        for (ChildDetails reported : java.util.List.of(
                ChildDetails.of("Olivai", "Stevens", LocalDate.of(2015, 7, 3), "LS6 9ZZ"),
                ChildDetails.of("Livvy", "Stephens-Jones", null, null),
                ChildDetails.of("Zebedee", "Stephens", LocalDate.of(2015, 3, 7), null))) {
            MatchDecision d = MATCHER.decide(reported, java.util.List.of(c));
            String all = String.join(" ", d.reasons()).toLowerCase(java.util.Locale.ROOT);
            for (String personal : java.util.List.of("oliv", "livvy", "steph", "steven", "zebedee", "2015", "ls6")) {
                assertFalse(all.contains(personal), personal + " in " + d.reasons());
            }
        }
    }
}
