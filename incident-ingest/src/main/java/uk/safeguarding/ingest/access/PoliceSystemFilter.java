package uk.safeguarding.ingest.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Guards the API ({@code /api/*}): a request without a valid bearer token is answered 401, a client over its rate
 * 429, both as problem+json, before the request reaches a controller, so nothing is recorded or published. An
 * accepted request carries its {@link PoliceClient} to the controller as a request attribute.
 *
 * <p>A plain servlet filter rather than Spring Security's filter chain: in the local run and the end-to-end tests
 * this service shares its JVM with notification-service, whose inbox configures Spring Security; this service keeps
 * Boot's security auto-configuration excluded and so cannot interfere with (or inherit) the inbox's rules.
 */
public final class PoliceSystemFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PoliceSystemFilter.class);
    static final String REALM = "incident-ingest";

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
            problem(response, 401, "Authentication required",
                    e.getMessage() + ". Send an OAuth2 client-credentials access token as 'Authorization: Bearer <token>'.",
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge), Map.of());
            return;
        } catch (BearerTokenVerifier.IssuerUnavailable e) {
            log.warn("Cannot verify tokens: {}", e.getCause().toString());
            problem(response, 503, "Temporarily unable to verify credentials",
                    "The token issuer's keys could not be fetched; nothing was accepted. Try again shortly.",
                    Map.of(HttpHeaders.RETRY_AFTER, "30"), Map.of());
            return;
        }
        long wait = rateLimiter.secondsToWait(client.clientId());
        if (wait > 0) {
            log.info("Rate limited client {} for {} s", client.clientId(), wait);
            problem(response, 429, "Too many requests",
                    "This client has sent more requests than its rate allows; nothing was accepted. Retry after "
                            + wait + " second(s).",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(wait)), Map.of("clientId", client.clientId()));
            return;
        }
        request.setAttribute(PoliceClient.REQUEST_ATTRIBUTE, client);
        chain.doFilter(request, response);
    }

    private void problem(HttpServletResponse response, int status, String title, String detail,
                         Map<String, String> headers, Map<String, Object> extra) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
