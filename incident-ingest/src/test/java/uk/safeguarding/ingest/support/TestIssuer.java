package uk.safeguarding.ingest.support;

import uk.safeguarding.testkit.TestClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An OAuth2 issuer as the service meets one in production, for the tests: it publishes its public key as a JWK set
 * over HTTP (a real JDK HTTP server on a random port) and signs client-credentials access tokens. One per test JVM.
 * Tokens can be bent (expired, wrong audience, signed by another key) to prove they are refused.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://issuer.test.example/realms/police";
    public static final String AUDIENCE = "incident-ingest";

    private static final TestIssuer INSTANCE = new TestIssuer();

    private final RSAKey key;
    private final RSAKey otherKey;
    private final String jwkSetUri;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            otherKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(); // same kid, different key
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            jwkSetUri = "http://localhost:" + server.getAddress().getPort() + "/jwks";
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestIssuer get() {
        return INSTANCE;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** A valid token for a client allowed to submit for the given forces. */
    public String tokenFor(String clientId, String... forceCodes) {
        return token(clientId, claims -> claims, forceCodes);
    }

    /** A token whose claims the test changes, e.g. to expire it or address another audience. */
    public String token(String clientId, UnaryOperator<JWTClaimsSet.Builder> change, String... forceCodes) {
        return sign(key, change.apply(claims(clientId, forceCodes)).build());
    }

    /** Looks like this issuer's token but is signed by a key the issuer never published. */
    public String forgedTokenFor(String clientId, String... forceCodes) {
        return sign(otherKey, claims(clientId, forceCodes).build());
    }

    private static JWTClaimsSet.Builder claims(String clientId, String... forceCodes) {
        Instant now = TestClock.clock().instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(clientId)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", java.util.Arrays.stream(forceCodes)
                        .map(f -> "incidents:submit:" + f).toList()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
