package uk.safeguarding.ingest.http;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Counts every incident submission ({@code POST /api/v1/incidents}) where it is answered:
 * {@code ingest.incidents.received{force, outcome}} with outcome {@code accepted} (202), {@code already-accepted} (200)
 * or {@code refused}, and {@code ingest.incidents.refused{force, reason}} for each refusal, the reason being the
 * problem type's code ({@code invalid-incident}, {@code force-not-permitted}, {@code token-required},
 * {@code rate-limited}, {@code publishing-unavailable}, ...: {@link ProblemType}).
 *
 * <p>The force is the one the request is known to act for: the incident's {@code forceCode} once it is read and the
 * client may submit for it ({@link #FORCE_ATTRIBUTE}, set by the controller), else the client's force when its token
 * allows only one (set by the token filter), else {@code unknown}. Never a value a caller could choose freely, so
 * the tags stay few; force codes and problem codes are not personal data.
 */
public final class SubmissionMetrics extends OncePerRequestFilter {

    /** Request attribute: the force code the request acts for (see above). */
    public static final String FORCE_ATTRIBUTE = "uk.safeguarding.ingest.metrics.force";
    /** Request attribute: the {@link ProblemType} of the refusal, set wherever a problem is answered. */
    public static final String PROBLEM_ATTRIBUTE = "uk.safeguarding.ingest.metrics.problem";
    public static final String PATH = "/api/v1/incidents";

    private final MeterRegistry meters;

    public SubmissionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            count(request, response.getStatus());
        }
    }

    private void count(HttpServletRequest request, int status) {
        Object force = request.getAttribute(FORCE_ATTRIBUTE);
        String forceTag = force instanceof String f ? f : "unknown";
        String outcome = status == 202 ? "accepted" : status == 200 ? "already-accepted" : "refused";
        meters.counter("ingest.incidents.received", "force", forceTag, "outcome", outcome).increment();
        if ("refused".equals(outcome)) {
            Object problem = request.getAttribute(PROBLEM_ATTRIBUTE);
            String reason = problem instanceof ProblemType type ? type.code()
                    : ProblemType.forStatus(status).code();
            meters.counter("ingest.incidents.refused", "force", forceTag, "reason", reason).increment();
        }
    }

    /** Records the problem type of a refusal on the request (both ways problems are answered call this). */
    public static void refusedWith(HttpServletRequest request, ProblemType type) {
        if (request != null) {
            request.setAttribute(PROBLEM_ATTRIBUTE, type);
        }
    }
}
