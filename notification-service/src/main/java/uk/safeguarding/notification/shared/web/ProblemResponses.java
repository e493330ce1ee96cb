package uk.safeguarding.notification.shared.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.safeguarding.notification.shared.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Invalid input answers 400 application/problem+json listing every bad field as {@code errors: [{field, message}]}.
 * Messages never echo the rejected values (they may be personal data).
 */
@RestControllerAdvice(basePackages = "uk.safeguarding.notification")
public class ProblemResponses extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError e : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e ->
                errors.add(Map.of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage()))));
        errors.sort(Comparator.comparing((Map<String, String> m) -> m.get("field")));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        if (ex.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", String::concat).replaceFirst("^\\.", "");
        }
        String message = ex.getCause() instanceof JsonMappingException ? "cannot be read as the expected type"
                : "the body is not valid JSON";
        return ResponseEntity.badRequest().body(invalid(List.of(Map.of("field", field, "message", message))));
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<Object> directoryInvalid(InvalidRequestException ex) {
        List<Map<String, String>> errors = ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() + " invalid field(s)");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }
}
