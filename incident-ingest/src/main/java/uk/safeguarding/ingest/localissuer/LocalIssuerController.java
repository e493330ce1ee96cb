package uk.safeguarding.ingest.localissuer;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.ingest.access.AccessProperties;
import uk.safeguarding.platform.access.SignInThrottle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local issuer's endpoints: the token endpoint (RFC 6749 client credentials, client_secret_basic or
 * client_secret_post), the JWK set and a discovery document. They exist only when
 * {@code ingest.auth.local-issuer.enabled=true} (the launcher in deploy/local sets it; production never does).
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "ingest.auth.local-issuer.enabled", havingValue = "true")
public class LocalIssuerController {

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String JWKS_PATH = "/oauth2/jwks";

    private static final Logger log = LoggerFactory.getLogger(LocalIssuerController.class);

    private final LocalIssuer issuer;
    /** Guessing a client's secret is slowed down like guessing a password (per client id and per address). */
    private final SignInThrottle throttle;

    public LocalIssuerController(LocalIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.throttle = new SignInThrottle(SignInThrottle.Limits.standard(), clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ingest.auth.local-issuer.enabled", havingValue = "true")
    static class LocalIssuerConfiguration {
        @Bean
        LocalIssuer localIssuer(AccessProperties.Auth auth, Clock clock) {
            log.warn("The LOCAL token issuer is enabled: for the local run only, never in production");
            AccessProperties.LocalIssuer local = auth.getLocalIssuer();
            return new LocalIssuer(local.getIssuer(), auth.getAudience(), auth.getScopePrefix(),
                    Duration.ofSeconds(local.getTokenValiditySeconds()), local.getClients(), clock);
        }
    }

    @PostMapping(path = TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            jakarta.servlet.http.HttpServletRequest request) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return invalidClient();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return invalidClient();
            }
            clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            clientSecret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
        }
        String client = clientId;
        String address = request.getRemoteAddr();
        java.util.Optional<java.time.Duration> refused = throttle.refusedFor(client, address);
        if (refused.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refused.get().toSeconds())))
                    .body(Map.of("error", "slow_down", "error_description",
                            "Too many failed attempts for this client; try again after Retry-After seconds"));
        }
        java.util.Optional<LocalIssuer.Token> issued = issuer.issue(clientId, clientSecret);
        if (issued.isEmpty()) {
            throttle.failed(client, address);
        } else {
            throttle.succeeded(client);
        }
        return issued
                .<ResponseEntity<Map<String, Object>>>map(t -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", t.value());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", t.expiresInSeconds());
                    body.put("scope", t.scope());
                    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
                })
                .orElseGet(LocalIssuerController::invalidClient);
    }

    @GetMapping(path = JWKS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> jwks() {
        return issuer.jwkSet();
    }

    private static ResponseEntity<Map<String, Object>> invalidClient() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"local-issuer\"")
                .body(Map.of("error", "invalid_client", "error_description", "Unknown client or wrong secret"));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).body(Map.of("error", error, "error_description", description));
    }
}
