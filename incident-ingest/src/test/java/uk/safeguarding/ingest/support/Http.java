package uk.safeguarding.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the service as a force's system would: plain HTTP, JSON text in and out. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String base;
    private final String authorization;
    private final java.util.Map<String, String> headers;

    /** Without credentials. */
    public Http(int port) {
        this(port, null, java.util.Map.of());
    }

    private Http(int port, String authorization, java.util.Map<String, String> headers) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
        this.headers = headers;
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** The same service, every request carrying this bearer token. */
    public Http withToken(String token) {
        return new Http(port(), "Bearer " + token, headers);
    }

    /** The same service, every request carrying this Authorization header as is (null: none). */
    public Http withAuthorization(String header) {
        return new Http(port(), header, headers);
    }

    /** The same service, every request carrying this header too. */
    public Http withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(port(), authorization, more);
    }

    public Answer post(String path, Object body) {
        return post(path, body, "application/json");
    }

    /** A POST with this Content-Type. */
    public Answer post(String path, Object body, String contentType) {
        String text = body instanceof String s ? s : write(body);
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text))));
    }

    /** A POST whose body is streamed without a Content-Length (chunked), as a client that does not know it sends. */
    public Answer postChunked(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))));
    }

    public Answer get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    public Answer postForm(String path, String form, String authorizationHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorizationHeader != null) {
            request.header("Authorization", authorizationHeader);
        }
        return send(request);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        headers.forEach(request::header);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException("Not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
