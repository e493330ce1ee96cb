package uk.safeguarding.notification.delivery.dispatch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature on every webhook request, in the header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>}, where
 * {@code v1} is the lower-case hex HMAC-SHA256, keyed with the organisation's webhook secret (its UTF-8 bytes), of
 * {@code <t> + "." + <the request body exactly as received>}. A receiving system recomputes it, compares in constant
 * time, and rejects a timestamp too far from its own clock (for example more than 5 minutes) to refuse replays.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Safeguarding-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    /** Lower-case hex HMAC-SHA256 of {@code payload} keyed with {@code secret}. */
    public static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * What a receiver does: true when {@code header} carries a {@code v1} signature of {@code body} at its {@code t}
     * made with {@code secret}, and {@code t} is within {@code toleranceSeconds} of {@code nowUnixSeconds}.
     */
    public static boolean verify(String secret, String header, String body, long nowUnixSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(nowUnixSeconds - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }
}
