package uk.safeguarding.ingest.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.safeguarding.ingest.access.AccessProperties;
import uk.safeguarding.ingest.access.PoliceSystemFilter;
import uk.safeguarding.ingest.http.CorrelationId;
import uk.safeguarding.ingest.http.ProblemType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenAPI document ({@code /v3/api-docs}) as a police system's developer reads it: what the API is, how to get a
 * token (OAuth2 client credentials at the configured token URL), the problem body every refusal has with its stable
 * {@code type}s, and the headers every answer carries (correlation id, rate limit).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    public static final String SECURITY_SCHEME = "policeSystemToken";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final String TITLE = "Safeguarding incident intake API";
    static final String VERSION = "1";
    static final String DESCRIPTION = """
            Police forces' systems report domestic abuse incidents involving children here. Each accepted revision of \
            an incident is passed on at once to the schools, health services, probation and children's social care \
            that look after the children.

            **Access**: an OAuth2 client-credentials access token (a JWT) from the platform's identity provider, sent \
            as `Authorization: Bearer <token>`. A system may submit only for the forces its token names as scopes \
            `incidents:submit:<forceCode>`.

            **Refusals** are `application/problem+json` (RFC 9457). `type` is a stable code, \
            `urn:problem:incident-ingest:<code>`, listed in the schema `Problem`; an invalid incident lists every bad \
            field in `errors`. Nothing refused is recorded or published.

            **Correlation id**: send `X-Correlation-Id` (1 to 64 of `A-Z a-z 0-9 . _ : -`, never personal data) or \
            get one; it comes back on every answer and in every problem body.

            **Rate limit**: a token bucket per client. Answers to an authenticated client carry `RateLimit-Limit`, \
            `RateLimit-Remaining` and `RateLimit-Reset`; over the limit, 429 with `Retry-After`.

            A plain reading of this contract is at `/docs`.""";

    @Bean
    OpenApiCustomizer incidentIngestApiDocument(AccessProperties.Auth auth,
                                                @Value("${ingest.api-docs.token-url:}") String tokenUrl) {
        return api -> describe(api, tokenUrl(tokenUrl, auth));
    }

    /**
     * The configured token URL; else the local issuer's own endpoint (local run), else the issuer's address followed
     * by /oauth2/token (set {@code ingest.api-docs.token-url} when the identity provider's endpoint is elsewhere).
     */
    static String tokenUrl(String configured, AccessProperties.Auth auth) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (auth.getLocalIssuer().isEnabled()) {
            return "/oauth2/token";
        }
        String issuer = auth.getIssuer() == null ? "" : auth.getIssuer().replaceAll("/+$", "");
        return issuer + "/oauth2/token";
    }

    static void describe(OpenAPI api, String tokenUrl) {
        api.info(new Info().title(TITLE).version(VERSION).description(DESCRIPTION));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("OAuth2 client credentials (RFC 6749 section 4.4). The token must name, in its scope, "
                        + "incidents:submit:<forceCode> for each force the system submits for.")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(new Scopes()))));

        Map<String, Schema> problemSchemas = ModelConverters.getInstance().readAll(new AnnotatedType(ProblemBody.class));
        problemSchemas.forEach(api.getComponents()::addSchemas);
        @SuppressWarnings("unchecked")
        Schema<String> type = (Schema<String>) api.getComponents().getSchemas().get("Problem").getProperties().get("type");
        type.setEnum(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
        type.setDescription("What went wrong, as a stable code: " + Arrays.stream(ProblemType.values())
                .map(t -> "`" + t.code() + "` (" + t.status() + ") " + t.meaning()).collect(Collectors.joining(" ")));

        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations().forEach(ApiDocumentation::describeHeaders);
            }
        });
    }

    private static void describeHeaders(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name(CorrelationId.HEADER).required(false)
                .description("Your id for this request, answered back and logged with it; generated when absent or "
                        + "not safe. Never personal data.")
                .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1," + CorrelationId.MAX_LENGTH + "}$")
                        .maxLength(CorrelationId.MAX_LENGTH).example("wmp-7f3a9c")));
        operation.getResponses().forEach((status, response) -> {
            response.addHeaderObject(CorrelationId.HEADER, new Header()
                    .description("The request's correlation id: yours if it was safe, else one generated")
                    .schema(new StringSchema()));
            if (status.startsWith("2") || status.equals("429")) {
                response.addHeaderObject(PoliceSystemFilter.RATE_LIMIT_LIMIT, new Header()
                        .description("Requests the client's bucket holds (its burst)").schema(new IntegerSchema()));
                response.addHeaderObject(PoliceSystemFilter.RATE_LIMIT_REMAINING, new Header()
                        .description("Requests left in the bucket now").schema(new IntegerSchema()));
                response.addHeaderObject(PoliceSystemFilter.RATE_LIMIT_RESET, new Header()
                        .description("Seconds until the bucket is full again").schema(new IntegerSchema()));
            }
            List<String> types = Arrays.stream(ProblemType.values())
                    .filter(t -> status.equals(Integer.toString(t.status())))
                    .map(t -> "`" + t.uri() + "`").toList();
            if (!status.startsWith("2") && !types.isEmpty()) {
                response.setDescription(response.getDescription() + ". Problem type: " + String.join(" or ", types));
            }
        });
    }

    /** The body of every refusal, for the OpenAPI document (answers are built as Spring's ProblemDetail). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Problem",
            description = "RFC 9457 problem details: every refusal, as application/problem+json.")
    record ProblemBody(
            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    example = "urn:problem:incident-ingest:invalid-incident") String type,
            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    description = "Short, human-readable summary of the type", example = "Invalid incident") String title,
            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    example = "400") int status,
            @io.swagger.v3.oas.annotations.media.Schema(description = "What to do about it, in words",
                    example = "2 field(s) are invalid. Nothing was accepted.") String detail,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The request path") String instance,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The request's correlation id (also in X-Correlation-Id)",
                    example = "wmp-7f3a9c") String correlationId,
            @ArraySchema(arraySchema = @io.swagger.v3.oas.annotations.media.Schema(description = "invalid-incident, "
                    + "malformed-json and force-not-permitted: every field refused, with why"))
            List<ProblemHandler.FieldProblem> errors,
            @io.swagger.v3.oas.annotations.media.Schema(description = "409 and 404: the incident") String incidentId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "409: the revision sent") Integer revision,
            @io.swagger.v3.oas.annotations.media.Schema(description = "409: the newest revision accepted") Integer latestRevision,
            @io.swagger.v3.oas.annotations.media.Schema(description = "429: the client that is over its limit") String clientId) {
    }
}
