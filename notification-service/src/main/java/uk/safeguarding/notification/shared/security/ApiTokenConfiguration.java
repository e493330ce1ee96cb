package uk.safeguarding.notification.shared.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The APIs' bearer-token decoder, from Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} settings
 * (JWK set URI or issuer, algorithms, audiences), in place of Boot's: the same checks, but expiry and not-before are
 * read on the platform's {@link Clock} (Boot's read the system clock), so a moved clock moves token expiry too.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenConfiguration {

    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' != ''"
            + " or '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' != ''")
    JwtDecoder apiTokenDecoder(OAuth2ResourceServerProperties properties, Clock clock) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        OAuth2TokenValidator<Jwt> validator = validator(jwt.getIssuerUri(), jwt.getAudiences(), clock);
        if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms().forEach(a -> algorithms.add(
                            Objects.requireNonNull(SignatureAlgorithm.from(a), "unknown JWS algorithm " + a))))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // as Boot does: the issuer's discovery document is read at the first token, not at startup
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps));
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<Object>(JwtClaimNames.AUD, aud -> aud instanceof Collection<?> c
                    ? c.stream().anyMatch(audiences::contains) : audiences.contains(aud)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
