package uk.safeguarding.notification.shared.onboarding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTest {

    private static final String EMAIL = "imogen.testwell@test-school.example";

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "plum-ladder-otter-9", "Kettle Rain Pebbles", "zebra crossing lamp"})
    void threeRandomWordsAreAccepted(String password) {
        assertThat(PasswordRules.check(password, password, EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password2026!", "123456789012", "aaaaaaaaaaaa", "abcdefghijklm", "qwertyuiop12",
            "!!!!2026!!!!", "ababababababab", "P@ssword!!2026"})
    void commonWordsRunsAndRepeatsAreRefused(String password) {
        assertThat(PasswordRules.check(password, password, EMAIL)).containsKey("password");
    }

    @Test
    void theRulesNameWhatIsWrongInThePlainWordsOfTheForm() {
        assertThat(PasswordRules.check("", "", EMAIL)).containsEntry("password", "Enter a password")
                .containsEntry("confirmPassword", "Confirm your password");
        assertThat(PasswordRules.check("short words", "short words", EMAIL))
                .containsEntry("password", "Password must be 12 characters or more");
        assertThat(PasswordRules.check("x".repeat(40) + "y".repeat(25), "", EMAIL).get("password"))
                .isEqualTo("Password must be 64 characters or fewer");
        // BCrypt reads 72 bytes: 30 characters of three bytes each is too long although under 64 characters
        String wide = "€".repeat(10) + "£".repeat(10) + "漢".repeat(10);
        assertThat(PasswordRules.check(wide, wide, EMAIL)).containsEntry("password",
                "Password must be 64 characters or fewer");
        assertThat(PasswordRules.check("my imogen.testwell login", "my imogen.testwell login", EMAIL))
                .containsEntry("password", "Password must not include your email address");
        assertThat(PasswordRules.check("correct horse battery", "correct horse batter", EMAIL))
                .containsOnlyKeys("confirmPassword").containsEntry("confirmPassword",
                        "Enter the same password in both boxes");
    }
}
