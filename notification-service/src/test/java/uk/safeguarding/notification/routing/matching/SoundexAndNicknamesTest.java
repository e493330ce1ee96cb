package uk.safeguarding.notification.routing.matching;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundexAndNicknamesTest {

    @Test
    void soundexFollowsTheAmericanRules() {
        assertEquals("R163", Soundex.of("Robert"));
        assertEquals("R163", Soundex.of("Rupert"));
        assertEquals("A261", Soundex.of("Ashcraft")); // h does not separate s and c
        assertEquals("T522", Soundex.of("Tymczak"));
        assertEquals("P236", Soundex.of("Pfister")); // first letter's code is not repeated
        assertEquals("H555", Soundex.of("Honeyman"));
        assertEquals("O165", Soundex.of("O'Brien"));
        assertEquals("L000", Soundex.of("Lee"));
        assertEquals("", Soundex.of(" - "));
    }

    @Test
    void aShortFormOnTwoLinesDoesNotMakeTheirFormalNamesVariants() {
        Nicknames n = Nicknames.defaults();
        assertTrue(n.areVariants("Alex", "Alexander"));
        assertTrue(n.areVariants("ALEX", "alexandra"));
        assertFalse(n.areVariants("Alexander", "Alexandra"));
        assertFalse(n.areVariants("Oliver", "Olivia"));
        assertFalse(n.areVariants("Oliver", "Oliver"));
        assertEquals("margaret", n.sharedFormalName("Peggy", "Margaret").orElseThrow());
        assertTrue(n.variantsOf("William").containsAll(List.of("bill", "will", "liam")));
    }

    @Test
    void theNicknameFileHoldsAFewHundredNamesInGroupsOfTwoOrMore() throws Exception {
        Set<String> names = new HashSet<>();
        int groups = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream(Nicknames.RESOURCE)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> group = List.of(line.split(","));
                assertTrue(group.size() >= 2, line);
                assertEquals(group.size(), new HashSet<>(group).size(), "duplicate in " + line);
                group.forEach(g -> assertEquals(g, MatchText.name(g), "not normalised: " + g));
                names.addAll(group);
                groups++;
            }
        }
        assertEquals(groups, Nicknames.defaults().groupCount());
        assertTrue(names.size() >= 500, "names " + names.size());
    }

    @Test
    void typosAreOneEditForNamesOfFourLettersAndTwoFromEight() {
        assertTrue(MatchText.withinTypo("olivia", "olivai"));
        assertTrue(MatchText.withinTypo("harrison", "harisson"));
        assertTrue(MatchText.withinTypo("christopher", "cristofer") == false);
        assertFalse(MatchText.withinTypo("mia", "mya"));
        assertFalse(MatchText.withinTypo("oliver", "olivia"));
    }
}
