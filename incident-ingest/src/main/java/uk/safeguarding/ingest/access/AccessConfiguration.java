package uk.safeguarding.ingest.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Wires authentication and rate limiting of police systems. Tokens are checked against the configured issuer's keys
 * (its JWK set URI, or the one its discovery document names), or, in the local run only, against the key of the
 * service's own {@link InProcessIssuer} (the local issuer).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccessProperties.Auth.class, AccessProperties.RateLimit.class})
public class AccessConfiguration {

    @Bean
    JwtDecoder policeTokenDecoder(AccessProperties.Auth auth, Optional<InProcessIssuer> localIssuer, Clock clock) {
        NimbusJwtDecoder decoder;
        String issuer;
        if (localIssuer.isPresent()) {
            decoder = NimbusJwtDecoder.withPublicKey(localIssuer.get().publicKey()).validateType(false).build();
            issuer = localIssuer.get().issuer();
        } else {
            issuer = auth.getIssuer();
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalStateException("ingest.auth.issuer (INGEST_AUTH_ISSUER) must name the OAuth2 issuer "
                        + "of the police systems' tokens; only the local run may set ingest.auth.local-issuer.enabled "
                        + "instead");
            }
            NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = auth.getJwkSetUri() == null || auth.getJwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(issuer) // jwks_uri from the discovery document
                    : NimbusJwtDecoder.withJwkSetUri(auth.getJwkSetUri());
            builder.jwsAlgorithms(algorithms -> auth.getAlgorithms().forEach(a -> algorithms.add(
                    Objects.requireNonNull(SignatureAlgorithm.from(a), "unknown JWS algorithm " + a))));
            decoder = builder.validateType(false).build(); // typ is checked below, allowing RFC 9068's at+jwt
        }
        decoder.setJwtValidator(validator(issuer, auth.getAudience(), Duration.ofSeconds(auth.getClockSkewSeconds()), clock));
        return decoder;
    }

    /**
     * Issuer, audience, and an expiry that must be present and not past on the platform's clock (Spring's default
     * allows no expiry, and reads the system clock).
     */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                AccessConfiguration::accessTokenType,
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.AUD, aud -> aud instanceof Collection<?> c
                        ? c.contains(audience) : audience.equals(aud))));
    }

    /** An access token typed JWT or at+jwt (RFC 9068), or untyped; anything else (an ID token type, say) is not. */
    private static OAuth2TokenValidatorResult accessTokenType(Jwt jwt) {
        Object typ = jwt.getHeaders().get("typ");
        if (typ == null || "JWT".equalsIgnoreCase(typ.toString()) || "at+jwt".equalsIgnoreCase(typ.toString())
                || "application/at+jwt".equalsIgnoreCase(typ.toString())) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not an access token", null));
    }

    @Bean
    BearerTokenVerifier bearerTokenVerifier(JwtDecoder policeTokenDecoder, AccessProperties.Auth auth) {
        return new BearerTokenVerifier(policeTokenDecoder, auth.getScopeClaim(), auth.getScopePrefix(),
                auth.getClientIdClaims());
    }

    @Bean
    RateLimiter rateLimiter(AccessProperties.RateLimit limits) {
        Map<String, RateLimiter.Limit> perClient = new LinkedHashMap<>();
        limits.getClients().forEach((client, limit) ->
                perClient.put(client, new RateLimiter.Limit(limit.getRequestsPerSecond(), limit.getBurst())));
        return new RateLimiter(new RateLimiter.Limit(limits.getRequestsPerSecond(), limits.getBurst()), perClient,
                System::nanoTime);
    }

    /** Only the API: health, the OpenAPI document, Swagger UI and the local issuer's endpoints stay open. */
    @Bean
    FilterRegistrationBean<PoliceSystemFilter> policeSystemFilter(BearerTokenVerifier verifier, RateLimiter rateLimiter,
                                                                  ObjectMapper json) {
        FilterRegistrationBean<PoliceSystemFilter> registration =
                new FilterRegistrationBean<>(new PoliceSystemFilter(verifier, rateLimiter, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
