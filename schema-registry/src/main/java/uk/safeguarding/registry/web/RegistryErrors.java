package uk.safeguarding.registry.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.safeguarding.registry.core.RegistryException;

/** Every failure answers Confluent's error body, {"error_code": N, "message": "..."}. */
@RestControllerAdvice
class RegistryErrors {

    private static final Logger log = LoggerFactory.getLogger(RegistryErrors.class);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Responses.Error> registry(RegistryException e) {
        if (e.httpStatus() >= 500) {
            log.error("Schema registry request failed: {}", e.getMessage(), e);
        }
        return error(e.httpStatus(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Responses.Error> unreadable(HttpMessageNotReadableException e) {
        return error(400, 400, "Unreadable request body: " + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Responses.Error> notFound(Exception e) {
        return error(404, 404, "HTTP 404 Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Responses.Error> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Responses.Error> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(406, 406, "HTTP 406 Not Acceptable");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Responses.Error> unexpected(Exception e) {
        log.error("Schema registry request failed", e);
        return error(500, 500, "Internal Server Error: " + e.getMessage());
    }

    /** Always in the registry's own media type: the request's Accept may be what failed. */
    private static ResponseEntity<Responses.Error> error(int status, int code, String message) {
        return ResponseEntity.status(HttpStatus.valueOf(status))
                .contentType(MediaType.parseMediaType(RegistryMediaTypes.V1_JSON))
                .body(new Responses.Error(code, message));
    }
}
