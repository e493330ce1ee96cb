package uk.safeguarding.registry.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls on the registry, as a Confluent client makes them, with the answers as JSON. */
public final class RegistryHttp {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Answer get(String path) {
        return send("GET", path, null, V1_JSON);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body, V1_JSON);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body, V1_JSON);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, V1_JSON);
    }

    /** The body is sent as JSON text (a String is sent as it is) labelled with the given content type. */
    public Answer send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", V1_JSON + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(text(body)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json;
            try {
                json = raw == null || raw.isBlank() ? JsonNodeFactory.instance.missingNode() : JSON.readTree(raw);
            } catch (IOException notJson) {
                json = JsonNodeFactory.instance.missingNode();
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {"schema": "..."} as Confluent clients send it. */
    public static ObjectNode schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema);
    }

    public static ObjectNode compatibilityBody(String level) {
        return JSON.createObjectNode().put("compatibility", level);
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Answer(int status, String contentType, JsonNode json, String raw) {

        public int errorCode() {
            return json.path("error_code").asInt();
        }

        public String message() {
            return json.path("message").asText();
        }
    }
}
