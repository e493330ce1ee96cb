package uk.safeguarding.notification.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The APIs' answers when a request is not let through, as RFC 9457 problem+json: 401 with the challenges this
 * service accepts (Basic for local accounts, Bearer when a token issuer is configured), or 403. The detail never says
 * why a credential failed (unknown person, wrong password, expired token answer alike).
 */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "safeguarding-notifications";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> challenges;

    ProblemAnswers(boolean basic, boolean bearer) {
        List<String> c = new ArrayList<>();
        if (bearer) {
            c.add("Bearer realm=\"" + REALM + "\"");
        }
        if (basic) {
            c.add("Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        this.challenges = List.copyOf(c);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        challenges.forEach(c -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, c));
        write(request, response, 401, "Unauthorized", "Sign in to use this API.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        write(request, response, 403, "Forbidden", "Your role does not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                       String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", UrlPathHelper.defaultInstance.getRequestUri(request));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
