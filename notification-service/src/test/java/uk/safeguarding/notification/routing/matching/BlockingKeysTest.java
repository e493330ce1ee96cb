package uk.safeguarding.notification.routing.matching;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.safeguarding.notification.routing.matching.BlockingKeys.Kind.FULL_NAME;
import static uk.safeguarding.notification.routing.matching.BlockingKeys.Kind.INITIAL_DOB;
import static uk.safeguarding.notification.routing.matching.BlockingKeys.Kind.NHS_NUMBER;
import static uk.safeguarding.notification.routing.matching.BlockingKeys.Kind.POSTCODE;
import static uk.safeguarding.notification.routing.matching.BlockingKeys.Kind.SOUNDEX_INITIAL_YEAR;
import static uk.safeguarding.notification.routing.matching.BlockingKeys.Kind.UPN;

class BlockingKeysTest {

    private static final LocalDate DOB = LocalDate.of(2015, 3, 7);

    private static BlockingKeys.Key key(BlockingKeys.Kind kind, String value) {
        return new BlockingKeys.Key(kind, value);
    }

    @Test
    void anIncidentChildIsLookedUpByInitialAndDateOfBirthAndItsDayMonthSwap() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Oliver", "Hall", DOB, null));
        assertTrue(keys.contains(key(INITIAL_DOB, "o|2015-03-07")));
        assertTrue(keys.contains(key(INITIAL_DOB, "o|2015-07-03")));
    }

    @Test
    void aDirectoryChildIsIndexedOnlyUnderItsOwnDateOfBirth() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forDirectoryChild(ChildDetails.of("Oliver", "Hall", DOB, null));
        assertTrue(keys.contains(key(INITIAL_DOB, "o|2015-03-07")));
        assertFalse(keys.contains(key(INITIAL_DOB, "o|2015-07-03")));
    }

    @Test
    void noSwappedDateWhenTheDayIsAboveTwelve() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(
                ChildDetails.of("Oliver", "Hall", LocalDate.of(2015, 3, 20), null));
        assertEquals(1, keys.stream().filter(k -> k.kind() == INITIAL_DOB && k.value().startsWith("o|")).count());
    }

    @Test
    void aNicknameIsAlsoLookedUpUnderTheInitialOfItsFormalName() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Bill", "Hall", DOB, null));
        assertTrue(keys.contains(key(INITIAL_DOB, "b|2015-03-07")));
        assertTrue(keys.contains(key(INITIAL_DOB, "w|2015-03-07")));
    }

    @Test
    void theFamilyNameIsNormalisedAndGivesItsSoundexWithTheInitialAndTheBirthYear() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Oliver", "O'BRIEN", DOB, null));
        assertTrue(keys.contains(key(FULL_NAME, "oliver obrien")));
        assertTrue(keys.contains(key(SOUNDEX_INITIAL_YEAR, "O165|o|2015")));
    }

    @Test
    void aNicknameAsksTheSoundexKeyUnderTheFormalInitialToo() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Bill", "Hall", DOB, null));
        assertTrue(keys.contains(key(SOUNDEX_INITIAL_YEAR, "H400|b|2015")));
        assertTrue(keys.contains(key(SOUNDEX_INITIAL_YEAR, "H400|w|2015")));
        // the directory's William is indexed under his own initial, where the incident's Bill finds him
        assertTrue(BlockingKeys.forDirectoryChild(ChildDetails.of("William", "Hall", DOB, null))
                .contains(key(SOUNDEX_INITIAL_YEAR, "H400|w|2015")));
    }

    @Test
    void aDoubleBarrelledFamilyNameIsLookedUpByEachPartToo() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Oliver", "Smith-Jones", DOB, null));
        assertTrue(keys.contains(key(SOUNDEX_INITIAL_YEAR, "S530|o|2015")));
        assertTrue(keys.contains(key(SOUNDEX_INITIAL_YEAR, "J520|o|2015")));
    }

    @Test
    void postcodeAndIdentifiersAreNormalised() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(
                new ChildDetails("Oliver", "Hall", null, "ls6 2ab", "a123", "943 476 5919"));
        assertTrue(keys.contains(key(POSTCODE, "LS62AB")));
        assertTrue(keys.contains(key(UPN, "A123")));
        assertTrue(keys.contains(key(NHS_NUMBER, "9434765919")));
    }

    @Test
    void missingFieldsGiveNoKeys() {
        assertTrue(BlockingKeys.forIncidentChild(new ChildDetails(" ", null, null, "  ", "", null)).isEmpty());
    }

    @Test
    void noKeyIsAsBroadAsAFamilyNameOrADateOfBirthAlone() {
        // a batch query must stay selective in a directory of a million children
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Ava", "Smith", DOB, null));
        assertTrue(keys.stream().noneMatch(k -> k.value().equals("smith") || k.value().equals("2015-03-07")));
        assertEquals(Set.of(FULL_NAME, INITIAL_DOB, SOUNDEX_INITIAL_YEAR),
                keys.stream().map(BlockingKeys.Key::kind).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aBatchGathersTheValuesOfEachKind() {
        Map<BlockingKeys.Kind, Set<String>> byKind = BlockingKeys.byKind(List.of(
                ChildDetails.of("Oliver", "Hall", DOB, "LS6 2AB"),
                ChildDetails.of("Amelia", "Hall", DOB, "LS6 2AB"),
                ChildDetails.of("Ava", "Smith", LocalDate.of(2016, 1, 20), null)));
        assertTrue(byKind.get(INITIAL_DOB).containsAll(Set.of("o|2015-03-07", "o|2015-07-03", "a|2016-01-20")));
        // each child's own initial, and those of its given name's variants (Amelia: Millie, Emily ...)
        assertTrue(byKind.get(SOUNDEX_INITIAL_YEAR).containsAll(Set.of("H400|o|2015", "H400|a|2015", "S530|a|2016")));
        assertTrue(byKind.get(SOUNDEX_INITIAL_YEAR).stream().allMatch(v -> v.matches("[A-Z][0-9]{3}\\|[a-z]\\|20(15|16)")));
        assertEquals(Set.of("LS62AB"), byKind.get(POSTCODE));
    }

    @Test
    void theIndexFindsAChildDespiteAFamilyNameTypoAndASwappedDate() {
        Candidate child = new Candidate("c1", ChildDetails.of("Oliver", "Thompson", DOB, "LS6 2AB"));
        Candidate other = new Candidate("c2", ChildDetails.of("Ava", "Walker", LocalDate.of(2012, 1, 1), "M14 1AA"));
        CandidateIndex index = new CandidateIndex(List.of(child, other));
        assertEquals(List.of(child), index.candidatesFor(
                ChildDetails.of("Oliver", "Tompson", LocalDate.of(2015, 7, 3), null)));
        assertEquals(List.of(child), index.candidatesFor(ChildDetails.of("Oliver", "Tomson", null, "ls62ab")));
        assertEquals(List.of(child), index.candidatesFor(ChildDetails.of("Olly", "Smith", DOB, null)));
        assertTrue(index.candidatesFor(ChildDetails.of("Oliver", "Zebedee", null, null)).isEmpty());
    }
}
