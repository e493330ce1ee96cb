package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.safeguarding.ingest.access.ForceNotPermittedException;
import uk.safeguarding.ingest.publishing.PublishFailedException;
import uk.safeguarding.ingest.submission.ContractViolationException;
import uk.safeguarding.ingest.submission.RevisionConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every error is an RFC 9457 problem ({@code application/problem+json}). Invalid input lists every bad field with the
 * reason in {@code errors}, so a force fixes its report in one go. Rejected values are never echoed back or logged:
 * they may be a child's name or date of birth.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    /** One bad field: a JSON path such as {@code children[0].dateOfBirth} and why it is refused. */
    public record FieldProblem(String field, String reason) {
    }

    private final long retryAfterSeconds;

    public ProblemHandler(@Value("${ingest.publish.retry-after-seconds:30}") long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), reason(e)))
                .distinct()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
                .toList();
        List<FieldProblem> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> new FieldProblem("", e.getDefaultMessage())).toList();
        ProblemDetail problem = invalid(errors.size() + global.size() + " field(s) are invalid.");
        problem.setProperty("errors", concat(errors, global));
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem error = unreadable(ex);
        ProblemDetail problem = invalid("The request body could not be read: " + error.reason()
                + (error.field().isEmpty() ? "" : " (" + error.field() + ")") + ".");
        problem.setProperty("errors", List.of(error));
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Broken rules of the incident contract, listed like the request's own validation errors. */
    @ExceptionHandler(ContractViolationException.class)
    ResponseEntity<Object> contract(ContractViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.problems().stream().map(p -> new FieldProblem(p.field(), p.reason()))
                .distinct().sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
                .toList();
        ProblemDetail problem = invalid(errors.size() + " field(s) are invalid.");
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(RevisionConflictException.class)
    ResponseEntity<Object> conflict(RevisionConflictException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Revision conflict");
        problem.setProperty("incidentId", ex.incidentId());
        problem.setProperty("revision", ex.revision());
        problem.setProperty("latestRevision", ex.latestRevision());
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** Names the field, like a validation error, so the force sees what to fix; and why, in the challenge too. */
    @ExceptionHandler(ForceNotPermittedException.class)
    ResponseEntity<Object> forbidden(ForceNotPermittedException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "This client may submit only for " + ex.permittedForces() + ", not for " + ex.forceCode()
                        + ". Nothing was accepted.");
        problem.setTitle("Not permitted for this force");
        problem.setProperty("errors", List.of(new FieldProblem("forceCode",
                "this client may not submit for force " + ex.forceCode())));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"incidents:submit:"
                + ex.forceCode() + "\"");
        return createResponseEntity(problem, headers, HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(IncidentNotFoundException.class)
    ResponseEntity<Object> notFound(IncidentNotFoundException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No revision of incident " + ex.incidentId() + " has been accepted.");
        problem.setTitle("Incident not found");
        problem.setProperty("incidentId", ex.incidentId());
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<Object> unavailable(PublishFailedException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The incident could not be passed on now and was NOT accepted. Submit it again after "
                        + retryAfterSeconds + " seconds.");
        problem.setTitle("Temporarily unable to accept incidents");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** Problems are always problem+json, whatever the client's Accept header says. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders withType = new HttpHeaders();
        withType.addAll(headers);
        if (body instanceof ProblemDetail) {
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, withType, statusCode);
    }

    private static ProblemDetail invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid incident");
        return problem;
    }

    private static String reason(FieldError error) {
        if ("typeMismatch".equals(error.getCode())) {
            return "has the wrong type";
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem("", "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr());
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping.getPath());
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (target != null && target.isEnum()) {
                return new FieldProblem(field, "must be one of " + Arrays.toString(target.getEnumConstants()));
            }
            if (target == Instant.class) {
                return new FieldProblem(field, "must be an ISO-8601 date and time with offset, e.g. 2026-11-20T22:15:00Z");
            }
            if (target == LocalDate.class) {
                return new FieldProblem(field, "must be an ISO-8601 date, e.g. 2016-05-04");
            }
            if (mapping instanceof InvalidFormatException || target != null) {
                return new FieldProblem(field, "has the wrong type"
                        + (target == null ? "" : ", expected " + jsonType(target)));
            }
            return new FieldProblem(field, "could not be read");
        }
        return new FieldProblem("", "missing or unreadable JSON body");
    }

    private static String jsonType(Class<?> target) {
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** children[0].identifiers[1].scheme, the same notation as validation errors. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static List<FieldProblem> concat(List<FieldProblem> a, List<FieldProblem> b) {
        return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

}
