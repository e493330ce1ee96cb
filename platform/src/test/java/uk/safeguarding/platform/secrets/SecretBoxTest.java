package uk.safeguarding.platform.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private final SecretBox box = SecretBox.fromBase64(SecretBox.newKey(), "test.key");

    @Test
    void aSealedSecretOpensWithTheSameKeyAndShowsNothingOfItself() {
        String sealed = box.seal("whsec-0123456789abcdef0123456789");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("whsec").doesNotContain("0123456789");
        assertThat(box.seal("whsec-0123456789abcdef0123456789")).isNotEqualTo(sealed); // a new nonce each time
        assertThat(box.open(sealed)).isEqualTo("whsec-0123456789abcdef0123456789");
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhyWithoutTheSecret() {
        String sealed = box.seal("whsec-0123456789abcdef0123456789");
        SecretBox other = SecretBox.fromBase64(SecretBox.newKey(), "test.key");
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("key").hasMessageNotContaining("whsec");
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(box.open("legacy-plain-secret")).isEqualTo("legacy-plain-secret");
    }

    @Test
    void aMissingOrShortKeyStopsStartupNamingTheSetting() {
        assertThatThrownBy(() -> SecretBox.fromBase64(null, "notification.secrets.key"))
                .hasMessageContaining("notification.secrets.key").hasMessageContaining("256-bit");
        assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ=", "notification.secrets.key"))
                .hasMessageContaining("256-bit");
    }
}
