package uk.safeguarding.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem (RFC 9457, {@code application/problem+json}) from a servlet filter, before any controller: the same
 * members the controllers' refusals have (type, title, status, detail, correlationId).
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             ProblemType type, String detail, Map<String, String> headers, Map<String, Object> extra)
            throws IOException {
        SubmissionMetrics.refusedWith(request, type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.putAll(extra);
        String correlationId = CorrelationId.of(request);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        response.setStatus(type.status());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
