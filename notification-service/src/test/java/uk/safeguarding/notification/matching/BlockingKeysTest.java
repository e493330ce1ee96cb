package uk.safeguarding.notification.matching;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.safeguarding.notification.matching.BlockingKeys.Kind.DATE_OF_BIRTH;
import static uk.safeguarding.notification.matching.BlockingKeys.Kind.FAMILY_NAME;
import static uk.safeguarding.notification.matching.BlockingKeys.Kind.FAMILY_SOUNDEX;
import static uk.safeguarding.notification.matching.BlockingKeys.Kind.NHS_NUMBER;
import static uk.safeguarding.notification.matching.BlockingKeys.Kind.POSTCODE;
import static uk.safeguarding.notification.matching.BlockingKeys.Kind.UPN;

class BlockingKeysTest {

    private static final LocalDate DOB = LocalDate.of(2015, 3, 7);

    private static BlockingKeys.Key key(BlockingKeys.Kind kind, String value) {
        return new BlockingKeys.Key(kind, value);
    }

    @Test
    void anIncidentChildIsLookedUpByDateOfBirthAndItsDayMonthSwap() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Oliver", "Hall", DOB, null));
        assertTrue(keys.contains(key(DATE_OF_BIRTH, "2015-03-07")));
        assertTrue(keys.contains(key(DATE_OF_BIRTH, "2015-07-03")));
    }

    @Test
    void aDirectoryChildIsIndexedOnlyUnderItsOwnDateOfBirth() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forDirectoryChild(ChildDetails.of("Oliver", "Hall", DOB, null));
        assertTrue(keys.contains(key(DATE_OF_BIRTH, "2015-03-07")));
        assertFalse(keys.contains(key(DATE_OF_BIRTH, "2015-07-03")));
    }

    @Test
    void noSwappedDateWhenTheDayIsAboveTwelve() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(
                ChildDetails.of("Oliver", "Hall", LocalDate.of(2015, 3, 20), null));
        assertEquals(1, keys.stream().filter(k -> k.kind() == DATE_OF_BIRTH).count());
    }

    @Test
    void theFamilyNameIsNormalisedAndGivesItsSoundex() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Oliver", "O'BRIEN", null, null));
        assertTrue(keys.contains(key(FAMILY_NAME, "obrien")));
        assertTrue(keys.contains(key(FAMILY_SOUNDEX, "O165")));
    }

    @Test
    void aDoubleBarrelledFamilyNameIsLookedUpByEachPartToo() {
        Set<BlockingKeys.Key> keys = BlockingKeys.forIncidentChild(ChildDetails.of("Oliver", "Smith-Jones", null, null));
        assertTrue(keys.contains(key(FAMILY_NAME, "smithjones")));
        assertTrue(keys.contains(key(FAMILY_NAME, "smith")));
        assertTrue(keys.contains(key(FAMILY_NAME, "jones")));
        assertTrue(keys.contains(key(FAMILY_SOUNDEX, "S530")));
        assertTrue(keys.contains(key(FAMILY_SOUNDEX, "J520")));
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
    void aBatchNeedsOneQueryPerKindOfKey() {
        Map<BlockingKeys.Kind, Set<String>> byKind = BlockingKeys.byKind(List.of(
                ChildDetails.of("Oliver", "Hall", DOB, "LS6 2AB"),
                ChildDetails.of("Amelia", "Hall", DOB, "LS6 2AB"),
                ChildDetails.of("Ava", "Smith", LocalDate.of(2016, 1, 20), null)));
        assertEquals(Set.of("2015-03-07", "2015-07-03", "2016-01-20"), byKind.get(DATE_OF_BIRTH));
        assertEquals(Set.of("hall", "smith"), byKind.get(FAMILY_NAME));
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
        assertTrue(index.candidatesFor(ChildDetails.of("Oliver", "Zebedee", null, null)).isEmpty());
    }
}
