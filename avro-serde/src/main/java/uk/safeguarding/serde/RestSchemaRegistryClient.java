package uk.safeguarding.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client for the Confluent Schema Registry REST API (and the project's own registry, which speaks the same).
 * Ids and schemas are immutable once issued, so they are cached for the life of the client; the latest version of
 * a subject can change, so it is cached briefly.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LATEST_TTL_NANOS = Duration.ofSeconds(30).toNanos();

    private final List<String> baseUrls;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    private final Map<SubjectSchema, Integer> idBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
    private final Map<String, TimedMetadata> latestBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String urls, String userInfo, Duration timeout) {
        List<String> parsed = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.trim();
            if (!trimmed.isEmpty()) {
                parsed.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            }
        }
        this.baseUrls = List.copyOf(parsed);
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = answer.path("id").asInt();
            schemaById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
            int id = answer.path("id").asInt();
            schemaById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemaById.computeIfAbsent(id, key -> {
            JsonNode answer = call("GET", "/schemas/ids/" + id, null);
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        TimedMetadata cached = latestBySubject.get(subject);
        if (cached != null && System.nanoTime() - cached.fetchedAt < LATEST_TTL_NANOS) {
            return cached.metadata;
        }
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        int id = answer.path("id").asInt();
        Schema schema = schemaById.computeIfAbsent(id, key -> new Schema.Parser().parse(answer.path("schema").asText()));
        SchemaMetadata metadata = new SchemaMetadata(subject, answer.path("version").asInt(), id, schema);
        latestBySubject.put(subject, new TimedMetadata(metadata, System.nanoTime()));
        return metadata;
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    /** Tries each configured URL in turn on connection failures; an error answer from a registry is final. */
    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (String base : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body() == null || response.body().isBlank()
                        ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() / 100 != 2) {
                    throw new RegistryException(response.statusCode(), json.path("error_code").asInt(response.statusCode()),
                            method + " " + base + path + " answered " + response.statusCode() + ": "
                                    + json.path("message").asText(response.body()));
                }
                return json;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("Interrupted calling schema registry " + base + path, e);
            }
        }
        throw new RegistryException("Schema registry unreachable at " + baseUrls + " for " + method + " " + path, lastFailure);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record TimedMetadata(SchemaMetadata metadata, long fetchedAt) {
    }
}
