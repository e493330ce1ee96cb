package uk.safeguarding.ingest.access;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.List;
import java.util.Set;

/**
 * Turns the bearer token of a request into the {@link PoliceClient} it stands for. The {@link JwtDecoder} checks the
 * signature against the issuer's keys, the issuer, the audience and the validity period; this class reads the client
 * id and the forces. Reasons given back are fit for a WWW-Authenticate header: they never echo the token.
 */
public final class BearerTokenVerifier {

    /** The token was missing or not acceptable; {@code description} says why, without the token. */
    public static final class Rejected extends Exception {
        private final boolean tokenPresented;

        Rejected(String description, boolean tokenPresented) {
            super(description, null, false, false);
            this.tokenPresented = tokenPresented;
        }

        public boolean tokenPresented() {
            return tokenPresented;
        }
    }

    /** Failed to reach the issuer's keys: not the client's fault, answered 503 rather than 401. */
    public static final class IssuerUnavailable extends RuntimeException {
        IssuerUnavailable(Throwable cause) {
            super("The token issuer's keys could not be fetched", cause);
        }
    }

    private final JwtDecoder decoder;
    private final String scopeClaim;
    private final String scopePrefix;
    private final List<String> clientIdClaims;

    public BearerTokenVerifier(JwtDecoder decoder, String scopeClaim, String scopePrefix, List<String> clientIdClaims) {
        this.decoder = decoder;
        this.scopeClaim = scopeClaim;
        this.scopePrefix = scopePrefix;
        this.clientIdClaims = List.copyOf(clientIdClaims);
    }

    public PoliceClient verify(String authorizationHeader) throws Rejected {
        String token = bearerToken(authorizationHeader);
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (BadJwtException e) {
            // signature, expiry, issuer or audience: the decoder's messages name the failed check, not the token
            throw new Rejected(safe(e.getMessage()), true);
        } catch (JwtException e) {
            if (e.getCause() instanceof com.nimbusds.jose.RemoteKeySourceException) {
                throw new IssuerUnavailable(e);
            }
            throw new Rejected("The token could not be read", true);
        }
        String clientId = clientIdClaims.stream().map(jwt::getClaimAsString)
                .filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> new Rejected("The token names no client (" + String.join(", ", clientIdClaims) + ")", true));
        Set<String> forces = ForceScopes.forceCodes(jwt.getClaim(scopeClaim), scopePrefix);
        return new PoliceClient(clientId, forces);
    }

    private static String bearerToken(String header) throws Rejected {
        if (header == null || header.isBlank()) {
            throw new Rejected("A bearer token is required", false);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw new Rejected("The Authorization header must be 'Bearer <token>'", true);
        }
        return header.substring(7).trim();
    }

    /** Header-safe: no quotes or line breaks, bounded. */
    private static String safe(String message) {
        String m = message == null ? "The token is not valid" : message.replaceAll("[\"\\\\\\r\\n]", "'");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
