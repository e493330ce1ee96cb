package uk.safeguarding.ingest.localissuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import uk.safeguarding.ingest.access.AccessProperties;
import uk.safeguarding.ingest.access.ForceScopes;
import uk.safeguarding.ingest.access.InProcessIssuer;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A minimal OAuth2 client-credentials issuer for the local run only, so the demo works in one command without an
 * identity provider: locally configured clients (id, secret, force codes) get short-lived RS256 JWTs shaped as a
 * production issuer's would be (issuer, audience, client_id, scope {@code incidents:submit:<force>}, expiry). The
 * signing key is made at startup and never stored: tokens die with the process.
 */
public final class LocalIssuer implements InProcessIssuer {

    public record Token(String value, long expiresInSeconds, String scope) {
    }

    private final String issuer;
    private final String audience;
    private final String scopePrefix;
    private final Duration validity;
    private final List<AccessProperties.LocalClient> clients;
    private final Clock clock;
    private final RSAKey key;
    private final NimbusJwtEncoder encoder;

    public LocalIssuer(String issuer, String audience, String scopePrefix, Duration validity,
                       List<AccessProperties.LocalClient> clients, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.scopePrefix = scopePrefix;
        this.validity = validity;
        this.clients = List.copyOf(clients);
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("local-" + UUID.randomUUID()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
    }

    @Override
    public String issuer() {
        return issuer;
    }

    @Override
    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half only, as a JWK set document. */
    public Map<String, Object> jwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /** A token for the client if its secret is right; empty otherwise (the caller answers invalid_client). */
    public Optional<Token> issue(String clientId, String clientSecret) {
        return clients.stream()
                .filter(c -> c.getClientId() != null && c.getClientId().equals(clientId))
                .filter(c -> c.getClientSecret() != null && sameSecret(c.getClientSecret(), clientSecret))
                .findFirst()
                .map(this::tokenFor);
    }

    private Token tokenFor(AccessProperties.LocalClient client) {
        Instant now = clock.instant();
        String scope = client.getForceCodes().stream().map(f -> ForceScopes.scopeFor(f, scopePrefix))
                .collect(Collectors.joining(" "));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(client.getClientId())
                .claim("client_id", client.getClientId())
                .claim("scope", scope)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(validity))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type("at+jwt").build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Token(value, validity.toSeconds(), scope);
    }

    /** Constant time, so the time to answer does not tell how much of a guessed secret was right. */
    private static boolean sameSecret(String expected, String given) {
        if (given == null) {
            return false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return MessageDigest.isEqual(sha.digest(expected.getBytes(StandardCharsets.UTF_8)),
                    MessageDigest.getInstance("SHA-256").digest(given.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
