package uk.safeguarding.ingest.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.safeguarding.ingest.http.ProblemType;
import uk.safeguarding.ingest.http.SubmissionMetrics;
import uk.safeguarding.ingest.http.Problems;

import java.io.IOException;
import java.util.Map;

/**
 * Guards the API ({@code /api/*}): a request without a valid bearer token is answered 401, a client over its rate
 * 429, both as problem+json, before the request reaches a controller, so nothing is recorded or published. An
 * accepted request carries its {@link PoliceClient} to the controller as a request attribute. Every answer to an
 * authenticated client carries its rate limit in RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.
 *
 * <p>A plain servlet filter rather than Spring Security's filter chain: in the local run and the end-to-end tests
 * this service shares its JVM with notification-service, whose inbox configures Spring Security; this service keeps
 * Boot's security auto-configuration excluded and so cannot interfere with (or inherit) the inbox's rules.
 */
public final class PoliceSystemFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PoliceSystemFilter.class);
    static final String REALM = "incident-ingest";

    /**
     * The client's rate limit on every answer to an authenticated request (IETF draft "RateLimit header fields for
     * HTTP", the three-field form): the bucket's size, the requests left in it now, and the seconds until it is full.
     */
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    private final BearerTokenVerifier verifier;
    private final RateLimiter rateLimiter;
    private final ObjectMapper json;

    public PoliceSystemFilter(BearerTokenVerifier verifier, RateLimiter rateLimiter, ObjectMapper json) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PoliceClient client;
        try {
            client = verifier.verify(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (BearerTokenVerifier.Rejected e) {
            log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            String challenge = e.tokenPresented()
                    ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + e.getMessage() + "\""
                    : "Bearer realm=\"" + REALM + "\"";
            Problems.write(request, response, json, e.tokenPresented() ? ProblemType.INVALID_TOKEN : ProblemType.TOKEN_REQUIRED,
                    e.getMessage() + ". Send an OAuth2 client-credentials access token as 'Authorization: Bearer <token>'.",
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge), Map.of());
            return;
        } catch (BearerTokenVerifier.IssuerUnavailable e) {
            log.warn("Cannot verify tokens: {}", e.getCause().toString());
            Problems.write(request, response, json, ProblemType.TOKEN_KEYS_UNAVAILABLE,
                    "The token issuer's keys could not be fetched; nothing was accepted. Try again shortly.",
                    Map.of(HttpHeaders.RETRY_AFTER, "30"), Map.of());
            return;
        }
        if (client.forceCodes().size() == 1) {
            // the force the client's refusals and submissions are counted for, until the incident says which
            request.setAttribute(SubmissionMetrics.FORCE_ATTRIBUTE, client.forceCodes().iterator().next());
        }
        RateLimiter.Decision rate = rateLimiter.take(client.clientId());
        response.setHeader(RATE_LIMIT_LIMIT, Integer.toString(rate.limit()));
        response.setHeader(RATE_LIMIT_REMAINING, Integer.toString(rate.remaining()));
        response.setHeader(RATE_LIMIT_RESET, Long.toString(rate.resetSeconds()));
        if (!rate.granted()) {
            long wait = rate.retryAfterSeconds();
            log.info("Rate limited client {} for {} s", client.clientId(), wait);
            Problems.write(request, response, json, ProblemType.RATE_LIMITED,
                    "This client has sent more requests than its rate allows; nothing was accepted. Retry after "
                            + wait + " second(s).",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(wait)), Map.of("clientId", client.clientId()));
            return;
        }
        request.setAttribute(PoliceClient.REQUEST_ATTRIBUTE, client);
        chain.doFilter(request, response);
    }
}
