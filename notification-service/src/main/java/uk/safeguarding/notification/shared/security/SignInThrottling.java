package uk.safeguarding.notification.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.safeguarding.platform.access.SignInThrottle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Repeated failed sign-ins (the inbox form, HTTP Basic on the APIs) are throttled per account and per client address
 * ({@link SignInThrottle}): the form answers with the sign-in page saying so, the APIs with 429 and Retry-After. Every
 * failure and success is counted from Spring Security's authentication events.
 */
@Component
public class SignInThrottling {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottling.class);

    private final SignInThrottle throttle;

    public SignInThrottling(Clock clock,
                            @Value("${notification.security.sign-in.failures-per-account:5}") int perAccount,
                            @Value("${notification.security.sign-in.failures-per-client:20}") int perClient,
                            @Value("${notification.security.sign-in.window:PT15M}") Duration window) {
        this.throttle = new SignInThrottle(new SignInThrottle.Limits(perAccount, perClient, window), clock);
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    /** The filter each security chain puts before its sign-in. */
    OncePerRequestFilter filter() {
        return new Refuse(throttle);
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    /** Refuses a sign-in attempt while its account or address is throttled, before any password is checked. */
    static final class Refuse extends OncePerRequestFilter {
        private final SignInThrottle throttle;

        Refuse(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = "POST".equals(request.getMethod()) && "/inbox/sign-in".equals(request.getServletPath());
            String account = form ? request.getParameter("email") : basicUser(request);
            if (form || account != null) {
                Optional<Duration> refused = throttle.refusedFor(account, request.getRemoteAddr());
                if (refused.isPresent()) {
                    long minutes = Math.max(1, (refused.get().toSeconds() + 59) / 60);
                    log.warn("Sign-in refused while throttled (form: {}), for {} more minute(s)", form, minutes);
                    if (form) {
                        SignInPages.rememberTypedEmail(request);
                        response.sendRedirect(request.getContextPath() + "/inbox/sign-in?throttled=" + minutes);
                    } else {
                        response.setStatus(429);
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.get().toSeconds() + 1));
                        response.setContentType("application/problem+json");
                        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\","
                                + "\"status\":429,\"detail\":\"Too many failed sign-ins for this account or from this"
                                + " address. Try again after the Retry-After seconds.\"}");
                    }
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        private static String basicUser(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
