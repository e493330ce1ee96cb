package uk.safeguarding.platform.secrets;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets kept in the database (webhook signing secrets) are stored encrypted with AES-256-GCM under a key that
 * comes from the environment, never from the database: a copy of the database alone does not give them away. Stored
 * form: {@code enc:v1:} then base64 of a 12-byte nonce and the ciphertext with its tag.
 */
public final class SecretBox {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * A box for the base64 key given in {@code setting}.
     *
     * @throws IllegalArgumentException naming {@code settingName} when the key is missing or not 256 bits
     */
    public static SecretBox fromBase64(String setting, String settingName) {
        byte[] key;
        try {
            key = setting == null ? new byte[0] : Base64.getDecoder().decode(setting.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(settingName + " must be a base64 256-bit key (32 random bytes, e.g."
                    + " `openssl rand -base64 32`): it encrypts the secrets the service keeps in its database");
        }
        return new SecretBox(key);
    }

    /** A new random key, base64, for a local run that keeps it beside its data. */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The secret of a stored value; a value stored before encryption (no prefix) is returned as it is. */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with this key (was the key changed?)");
        }
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }
}
