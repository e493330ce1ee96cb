package uk.safeguarding.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The police systems the local run knows, for incident-ingest's LOCAL token issuer
 * ({@code ingest.auth.local-issuer.*}). These ids and secrets are local-run defaults printed on the console, not
 * secrets: the issuer exists only when the launcher enables it, and production trusts a real identity provider.
 */
public final class LocalPoliceSystems {

    /** A local police system: its OAuth2 client id and secret, and the forces it may submit for. */
    public record Client(String clientId, String clientSecret, List<String> forceCodes) {
    }

    /** West Midlands and the demo's invented force: what the README's curl examples and the demo use. */
    public static final Client POLICE = new Client("local-police-system", "local-police-secret", List.of("WMP", "EXP"));
    /** Another force, to see that one force cannot submit (or read) another's incidents. */
    public static final Client OTHER_FORCE = new Client("local-gmp-system", "local-gmp-secret", List.of("GMP"));

    public static final List<Client> ALL = List.of(POLICE, OTHER_FORCE);

    public static final String TOKEN_PATH = "/oauth2/token";

    private LocalPoliceSystems() {
    }

    /** incident-ingest's settings for the local issuer with these clients (as --name=value arguments, without --). */
    public static List<String> ingestProperties(List<Client> clients) {
        List<String> properties = new ArrayList<>();
        properties.add("ingest.auth.local-issuer.enabled=true");
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            String prefix = "ingest.auth.local-issuer.clients[" + i + "].";
            properties.add(prefix + "client-id=" + c.clientId());
            properties.add(prefix + "client-secret=" + c.clientSecret());
            properties.add(prefix + "force-codes=" + String.join(",", c.forceCodes()));
        }
        return properties;
    }

    /** Asks incident-ingest's local issuer for an access token, as a police system's OAuth2 client would. */
    public static String token(String ingestUrl, Client client) {
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + TOKEN_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The local token issuer answered " + response.statusCode());
            }
            JsonNode body = new ObjectMapper().readTree(response.body());
            return body.path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot reach the local token issuer at " + ingestUrl + TOKEN_PATH, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How to get a token and submit with it, for the console. */
    public static String describe(String ingestUrl) {
        Client c = POLICE;
        return "  incident-ingest accepts OAuth2 bearer tokens only. Local police systems (LOCAL issuer, local run only):\n"
                + ALL.stream().map(s -> String.format("    %-22s secret %-22s forces %s%n", s.clientId(),
                        s.clientSecret(), String.join(", ", s.forceCodes()))).reduce("", String::concat)
                + "  Get a token, then submit with it:\n"
                + "    TOKEN=$(curl -s -u " + c.clientId() + ":" + c.clientSecret() + " -d grant_type=client_credentials "
                + ingestUrl + TOKEN_PATH + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n"
                + "    curl -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d @incident.json "
                + ingestUrl + "/api/v1/incidents\n";
    }
}
