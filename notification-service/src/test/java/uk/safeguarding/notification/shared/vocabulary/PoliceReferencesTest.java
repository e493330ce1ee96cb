package uk.safeguarding.notification.shared.vocabulary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A police reference is shown once, with its force when it does not already name it. */
class PoliceReferencesTest {

    @Test
    void aReferenceThatStartsWithItsForceIsShownAsItIs() {
        assertThat(PoliceReferences.display("EXP", "EXP-2026-000123")).isEqualTo("EXP-2026-000123");
        assertThat(PoliceReferences.display("exp", "EXP/2026/1")).isEqualTo("EXP/2026/1");
        assertThat(PoliceReferences.display("WMP", "WMP 2026 1")).isEqualTo("WMP 2026 1");
    }

    @Test
    void aReferenceThatDoesNotNameItsForceIsPrefixedWithIt() {
        assertThat(PoliceReferences.display("TST", "REF-1")).isEqualTo("TST REF-1");
        // a reference that only begins with the same letters is another force's
        assertThat(PoliceReferences.display("EXP", "EXPO-1")).isEqualTo("EXP EXPO-1");
    }

    @Test
    void missingPartsAreLeftOut() {
        assertThat(PoliceReferences.display(null, "EXP-1")).isEqualTo("EXP-1");
        assertThat(PoliceReferences.display("EXP", null)).isEqualTo("EXP");
        assertThat(PoliceReferences.display(" EXP ", " EXP-1 ")).isEqualTo("EXP-1");
    }
}
