package uk.safeguarding.notification;

import uk.safeguarding.testkit.TestClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A stand-in identity provider for the test JVM: an RSA key generated here, its public half served as a JWKS by a JDK
 * HttpServer (the service's {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} points at it), and signed
 * bearer tokens whose claims name an organisation ({@code org}) and roles ({@code roles}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.example";

    private static final TestTokens INSTANCE = new TestTokens();

    private final RSAKey trusted;
    private final RSAKey untrusted;
    private final String jwkSetUri;

    private TestTokens() {
        trusted = rsaKey("test-idp-key");
        untrusted = rsaKey("test-idp-key");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(trusted.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String jwkSetUri() {
        return INSTANCE.jwkSetUri;
    }

    /** A valid token for 10 minutes: this subject at this organisation with these roles. */
    public static String token(String subject, String organisationId, PersonRole... roles) {
        return INSTANCE.sign(INSTANCE.trusted, claims(subject, organisationId, roles, TestClock.clock().instant().plusSeconds(600)));
    }

    /** A token that expired an hour ago. */
    public static String expiredToken(String subject, String organisationId, PersonRole... roles) {
        return INSTANCE.sign(INSTANCE.trusted, claims(subject, organisationId, roles,
                TestClock.clock().instant().minus(Duration.ofHours(1))));
    }

    /** A token signed with a key the service does not trust (same key id). */
    public static String forgedToken(String subject, String organisationId, PersonRole... roles) {
        return INSTANCE.sign(INSTANCE.untrusted, claims(subject, organisationId, roles, TestClock.clock().instant().plusSeconds(600)));
    }

    /** A valid token with these claims only (besides iss, iat, exp). */
    public static String tokenWithClaims(Map<String, Object> claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER).issueTime(new Date())
                .expirationTime(Date.from(TestClock.clock().instant().plusSeconds(600)));
        claims.forEach(b::claim);
        return INSTANCE.sign(INSTANCE.trusted, b.build());
    }

    private static JWTClaimsSet claims(String subject, String organisationId, PersonRole[] roles, Instant expires) {
        List<String> names = Arrays.stream(roles).map(Enum::name).toList();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).claim("org", organisationId)
                .claim("roles", names).claim("name", "Token Holder")
                .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).build();
    }

    private String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
