package uk.safeguarding.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * JSON over HTTP, as a police force's system or an administrator would call the services. Requests to
 * incident-ingest carry the police system's bearer token (from the local issuer), as a force's system sends one;
 * other services get none.
 */
public final class Http {

    private final String tokenBase;
    private final Supplier<String> token;
    /** Basic credentials sent with every request not to {@code tokenBase}, or null. */
    private final String authorization;

    /** Without credentials anywhere. */
    public Http() {
        this(null, () -> null);
    }

    /** Sends {@code Authorization: Bearer <token>} on requests whose URL starts with {@code tokenBase}. */
    public Http(String tokenBase, Supplier<String> token) {
        this(tokenBase, token, null);
    }

    private Http(String tokenBase, Supplier<String> token, String authorization) {
        this.tokenBase = tokenBase;
        this.token = token;
        this.authorization = authorization;
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * The same client signed in with a local account (HTTP Basic) to the other services, as an administrator's script
     * would be; incident-ingest still gets the police system's token.
     */
    public Http signedInAs(String email, String password) {
        return new Http(tokenBase, token, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (email + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public record Response(int status, JsonNode body, String text) {
    }

    public Response post(String url, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (Exception e) {
            throw new IllegalStateException("POST " + url + ": " + e, e);
        }
    }

    public Response put(String url, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (Exception e) {
            throw new IllegalStateException("PUT " + url + ": " + e, e);
        }
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest peek = request.copy().build();
        boolean toIngest = tokenBase != null && peek.uri().toString().startsWith(tokenBase);
        if (toIngest && token.get() != null) {
            request.header("Authorization", "Bearer " + token.get());
        } else if (!toIngest && authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = client.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
            return new Response(r.statusCode(), body, r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
