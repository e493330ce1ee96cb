package uk.safeguarding.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client's side of the REST contract: paths, content type, credentials, error codes, caching and fail-over.
 * The registry's side is proven against the real server in the schema-registry module.
 */
class RestSchemaRegistryClientTest {

    static final Schema SCHEMA = SchemaBuilder.record("Note").namespace("test.serde").fields()
            .requiredString("id").endRecord();

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile String lastContentType;
    volatile String lastAuthorization;

    @BeforeEach
    void startStubRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void answer(HttpExchange exchange) throws IOException {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        requests.add(line);
        lastContentType = exchange.getRequestHeaders().getFirst("Content-Type");
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        String schemaJson = SCHEMA.toString().replace("\"", "\\\"");
        int status = 200;
        String body;
        if (line.equals("POST /subjects/notes-value/versions")) {
            body = "{\"id\": 42}";
        } else if (line.equals("GET /schemas/ids/42")) {
            body = "{\"schema\": \"" + schemaJson + "\"}";
        } else if (line.equals("GET /subjects/notes-value/versions/latest")) {
            body = "{\"subject\":\"notes-value\",\"version\":3,\"id\":42,\"schema\":\"" + schemaJson + "\"}";
        } else if (line.equals("POST /subjects/with%20space-value")) {
            body = "{\"subject\":\"with space-value\",\"version\":1,\"id\":43,\"schema\":\"" + schemaJson + "\"}";
        } else {
            status = 404;
            body = "{\"error_code\": 40401, \"message\": \"Subject 'missing-value' not found.\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void registerPostsTheSchemaAsRegistryJsonAndCachesTheId() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url(), null, Duration.ofSeconds(5));

        int first = client.register("notes-value", SCHEMA);
        int second = client.register("notes-value", SCHEMA);

        assertThat(first).isEqualTo(42).isEqualTo(second);
        assertThat(requests).containsExactly("POST /subjects/notes-value/versions");
        assertThat(lastContentType).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void schemaByIdIsFetchedOnceAndParsed() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url(), null, Duration.ofSeconds(5));

        assertThat(client.getSchemaById(42)).isEqualTo(SCHEMA);
        assertThat(client.getSchemaById(42)).isEqualTo(SCHEMA);
        assertThat(requests).containsExactly("GET /schemas/ids/42");
    }

    @Test
    void latestVersionCarriesVersionIdAndSchema() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url(), null, Duration.ofSeconds(5));

        SchemaRegistryClient.SchemaMetadata latest = client.getLatestSchemaMetadata("notes-value");

        assertThat(latest.version()).isEqualTo(3);
        assertThat(latest.id()).isEqualTo(42);
        assertThat(latest.schema()).isEqualTo(SCHEMA);
    }

    @Test
    void subjectIsPercentEncodedInThePath() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url(), null, Duration.ofSeconds(5));

        assertThat(client.getId("with space-value", SCHEMA)).isEqualTo(43);
        assertThat(requests).containsExactly("POST /subjects/with%20space-value");
    }

    @Test
    void errorAnswerBecomesRegistryExceptionWithConfluentErrorCode() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url(), null, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.getLatestSchemaMetadata("missing-value"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                })
                .hasMessageContaining("not found");
    }

    @Test
    void basicAuthUserInfoIsSentAsAuthorizationHeader() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url(), "svc:secret", Duration.ofSeconds(5));

        client.getSchemaById(42);

        assertThat(lastAuthorization).isEqualTo("Basic c3ZjOnNlY3JldA==");
    }

    @Test
    void unreachableFirstUrlFailsOverToTheNext() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                "http://127.0.0.1:" + closedPort + "," + url(), null, Duration.ofSeconds(5));

        assertThat(client.getSchemaById(42)).isEqualTo(SCHEMA);
    }

    @Test
    void noReachableRegistryNamesTheUrlsTried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                "http://127.0.0.1:" + closedPort, null, Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.getSchemaById(1))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining(String.valueOf(closedPort));
    }
}
