package uk.safeguarding.ingest.http;

import java.net.URI;

/**
 * Every refusal the API answers, each with a stable, machine-readable {@code type} (RFC 9457): a URN
 * {@code urn:problem:incident-ingest:<code>}. A URN rather than an https address, so the type of a refusal is the same
 * in every deployment (the service's own address differs between the local run, test and production) and never
 * depends on a documentation site being up; what each one means is listed on the service's documentation page
 * ({@code /docs}) and in the OpenAPI document. A code, once published, is never reused for another meaning.
 */
public enum ProblemType {

    INVALID_INCIDENT("invalid-incident", 400, "Invalid incident",
            "One or more fields of the incident are missing, of the wrong type or break a rule: errors lists every one."),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON",
            "The body is not one JSON object: a syntax error, a key given twice, or something after the object."),
    FORCE_NOT_PERMITTED("force-not-permitted", 403, "Not permitted for this force",
            "The token does not carry the scope incidents:submit:<forceCode> for the incident's force."),
    TOKEN_REQUIRED("token-required", 401, "Authentication required",
            "No bearer token was sent."),
    INVALID_TOKEN("invalid-token", 401, "Authentication required",
            "The bearer token is not acceptable: not a JWT, bad signature, expired, another issuer or audience."),
    INCIDENT_NOT_FOUND("incident-not-found", 404, "Incident not found",
            "No revision of this incident was accepted, or it belongs to a force this client may not act for."),
    STALE_REVISION("stale-revision", 409, "Revision conflict",
            "A newer revision of this incident was already accepted."),
    REVISION_CONTENT_CONFLICT("revision-content-conflict", 409, "Revision conflict",
            "This revision was already accepted with different content: send changes as a higher revision."),
    BODY_TOO_LARGE("body-too-large", 413, "Request body too large",
            "The body is larger than an incident may be (256 KiB of JSON)."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The body must be sent as Content-Type: application/json."),
    NOT_FOUND("not-found", 404, "Not found",
            "There is nothing at this path."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "This path does not answer this HTTP method."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "The API answers application/json (and application/problem+json for refusals) only."),
    RATE_LIMITED("rate-limited", 429, "Too many requests",
            "This client is over its rate limit: wait Retry-After seconds."),
    PUBLISHING_UNAVAILABLE("publishing-unavailable", 503, "Temporarily unable to accept incidents",
            "Kafka or the schema registry is unavailable: nothing was accepted; send it again after Retry-After seconds."),
    TOKEN_KEYS_UNAVAILABLE("token-keys-unavailable", 503, "Temporarily unable to verify credentials",
            "The identity provider's signing keys could not be fetched: nothing was accepted; retry after Retry-After seconds."),
    BAD_REQUEST("bad-request", 400, "Bad request",
            "The request is not one the API understands (for example a missing or malformed parameter)."),
    INTERNAL_ERROR("internal-error", 500, "Internal error",
            "The service failed to answer: nothing was accepted; the correlation id lets operators find what happened.");

    /** What every type starts with. */
    public static final String PREFIX = "urn:problem:incident-ingest:";

    private final String code;
    private final int status;
    private final String title;
    private final String meaning;

    ProblemType(String code, int status, String title, String meaning) {
        this.code = code;
        this.status = status;
        this.title = title;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** One sentence for the documentation: when a client gets it and what to do. */
    public String meaning() {
        return meaning;
    }

    public URI uri() {
        return URI.create(PREFIX + code);
    }

    /** The type for a status Spring answered on its own (404, 405, 406, 415, a bad parameter). */
    /** The type whose URI this is, if any. */
    public static java.util.Optional<ProblemType> forUri(URI uri) {
        if (uri == null) {
            return java.util.Optional.empty();
        }
        for (ProblemType type : values()) {
            if (type.uri().equals(uri)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
