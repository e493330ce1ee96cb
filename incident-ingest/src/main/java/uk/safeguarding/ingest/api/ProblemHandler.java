package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.safeguarding.ingest.access.ForceNotPermittedException;
import uk.safeguarding.ingest.http.CorrelationId;
import uk.safeguarding.ingest.http.ProblemType;
import uk.safeguarding.ingest.http.SubmissionMetrics;
import uk.safeguarding.ingest.publishing.PublishFailedException;
import uk.safeguarding.ingest.submission.ContractViolationException;
import uk.safeguarding.ingest.submission.RevisionConflictException;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every error is an RFC 9457 problem ({@code application/problem+json}) whose {@code type} is one of
 * {@link ProblemType} and which carries the request's {@code correlationId}. Invalid input lists every bad field with
 * the reason in {@code errors}, so a force fixes its report in one go. Rejected values are never echoed back or
 * logged: they may be a child's name or date of birth.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    /** One bad field: a JSON path such as {@code children[0].dateOfBirth} and why it is refused. */
    @Schema(name = "FieldProblem", description = "One field the incident was refused for. The value sent is never repeated.")
    public record FieldProblem(
            @Schema(description = "Path of the field in the submitted JSON; empty for the body as a whole.",
                    example = "children[0].dateOfBirth") String field,
            @Schema(description = "Why it was refused.", example = "must be in the past") String reason) {
    }

    private final long retryAfterSeconds;

    public ProblemHandler(@Value("${ingest.publish.retry-after-seconds:30}") long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Every field problem of a submission, found by reading it field by field ({@link SubmissionReader}). */
    @ExceptionHandler(SubmissionReader.InvalidSubmissionException.class)
    ResponseEntity<Object> invalid(SubmissionReader.InvalidSubmissionException ex, WebRequest request) {
        return invalid(ex.problems(), request);
    }

    /** Broken rules of the incident contract, listed like the request's own validation errors. */
    @ExceptionHandler(ContractViolationException.class)
    ResponseEntity<Object> contract(ContractViolationException ex, WebRequest request) {
        return invalid(ex.problems().stream().map(p -> new FieldProblem(p.field(), p.reason())).toList(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(Stream.concat(
                ex.getBindingResult().getFieldErrors().stream().map(e -> new FieldProblem(e.getField(), reason(e))),
                ex.getBindingResult().getGlobalErrors().stream().map(e -> new FieldProblem("", e.getDefaultMessage())))
                .toList(), request);
    }

    /** The body is not JSON at all (or not one document): nothing can be read field by field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem error = unreadable(ex);
        ProblemDetail problem = problem(ProblemType.MALFORMED_JSON, "The request body could not be read: "
                + error.reason() + (error.field().isEmpty() ? "" : " (" + error.field() + ")") + ".");
        problem.setProperty("errors", List.of(error));
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(RevisionConflictException.class)
    ResponseEntity<Object> conflict(RevisionConflictException ex, WebRequest request) {
        ProblemDetail problem = problem(ex.kind() == RevisionConflictException.Kind.STALE_REVISION
                ? ProblemType.STALE_REVISION : ProblemType.REVISION_CONTENT_CONFLICT, ex.getMessage());
        problem.setProperty("incidentId", ex.incidentId());
        problem.setProperty("revision", ex.revision());
        problem.setProperty("latestRevision", ex.latestRevision());
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** Names the field, like a validation error, so the force sees what to fix; and why, in the challenge too. */
    @ExceptionHandler(ForceNotPermittedException.class)
    ResponseEntity<Object> forbidden(ForceNotPermittedException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.FORCE_NOT_PERMITTED,
                "This client may submit only for " + ex.permittedForces() + ", not for " + ex.forceCode()
                        + ". Nothing was accepted.");
        problem.setProperty("errors", List.of(new FieldProblem("forceCode",
                "this client may not submit for force " + ex.forceCode())));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"incidents:submit:"
                + ex.forceCode() + "\"");
        return createResponseEntity(problem, headers, HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(IncidentNotFoundException.class)
    ResponseEntity<Object> notFound(IncidentNotFoundException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.INCIDENT_NOT_FOUND,
                "No revision of incident " + ex.incidentId() + " has been accepted.");
        problem.setProperty("incidentId", ex.incidentId());
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<Object> unavailable(PublishFailedException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemType.PUBLISHING_UNAVAILABLE,
                "The incident could not be passed on now and was NOT accepted. Submit it again after "
                        + retryAfterSeconds + " seconds.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /**
     * Problems are always problem+json, whatever the client's Accept header says, typed from {@link ProblemType}
     * (also those Spring answers on its own: 404, 405, 406, 415) and carrying the request's correlation id.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders withType = new HttpHeaders();
        withType.addAll(headers);
        if (body instanceof ProblemDetail problem) {
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
                ProblemType.forUri(problem.getType()).ifPresent(t -> SubmissionMetrics.refusedWith(servlet.getRequest(), t));
            }
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                ProblemType type = ProblemType.forStatus(statusCode.value());
                problem.setType(type.uri());
                problem.setTitle(type.title());
            }
            Object correlationId = request.getAttribute(CorrelationId.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (correlationId != null) {
                problem.setProperty("correlationId", correlationId.toString());
            }
        }
        return new ResponseEntity<>(body, withType, statusCode);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
        List<FieldProblem> errors = problems.stream().distinct()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason)).toList();
        List<FieldProblem> listed = errors.size() > SubmissionReader.MAX_LISTED
                ? errors.subList(0, SubmissionReader.MAX_LISTED) : errors;
        ProblemDetail problem = problem(ProblemType.INVALID_INCIDENT, errors.size() + " field(s) are invalid"
                + (listed.size() < errors.size() ? " (the first " + listed.size() + " are listed)" : "")
                + ". Nothing was accepted.");
        problem.setProperty("errors", listed);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
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
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getPath().isEmpty()) {
            return new FieldProblem(path(mismatch.getPath()), SubmissionReader.reason(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException) {
            return new FieldProblem("", "the body must be one JSON document, with nothing after it");
        }
        return new FieldProblem("", "missing or unreadable JSON body");
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
}
