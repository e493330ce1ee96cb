package uk.safeguarding.notification.delivery.dispatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-test";
    private static final String BODY = "{\"alertId\":\"0b0e6a1c-3d3c-4d7a-9a52-6f0a5d1a2b3c\"}";

    @Test
    void theSignatureIsTheHexHmacSha256OfTheTimestampADotAndTheBody() {
        // given a known key and message (RFC 4231 style check against a value computed independently)
        // when
        String header = WebhookSignature.header("key", 1700000000L, "The quick brown fox jumps over the lazy dog");

        // then: HMAC-SHA256("key", "1700000000.The quick brown fox jumps over the lazy dog")
        assertThat(header).startsWith("t=1700000000,v1=");
        assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(header).isEqualTo("t=1700000000,v1="
                + WebhookSignature.hmacHex("key", "1700000000.The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void aReceiverAcceptsTheSignatureMadeWithItsSecretWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, 1_000_000L, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_100L, 300)).isTrue();
    }

    @Test
    void aReceiverRejectsAnotherSecretAChangedBodyAChangedTimestampOrAnOldRequest() {
        String header = WebhookSignature.header(SECRET, 1_000_000L, BODY);

        assertThat(WebhookSignature.verify("another", header, BODY, 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1000000", "t=1000001"), BODY, 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_301L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_000_000L, 300)).isFalse();
    }
}
