package uk.safeguarding.platform.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code schemaRegistry} health: UP when the registry answers {@code GET /schemas/types} with a 2xx within the
 * timeout (Confluent's registry and the project's both serve it; a tiny answer). Part of readiness only: a registry
 * outage takes an instance out of the load balancer, it never restarts it (liveness does not include it).
 */
public final class SchemaRegistryHealthIndicator implements HealthIndicator {

    private final URI probe;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    public SchemaRegistryHealthIndicator(String url, String userInfo, Duration timeout) {
        String base = url.split(",")[0].trim();
        this.probe = URI.create((base.endsWith("/") ? base : base + "/") + "schemas/types");
        this.authorization = userInfo == null || userInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Health health() {
        HttpRequest.Builder request = HttpRequest.newBuilder(probe).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        // the address without credentials: health details are for operators, never a secret
        String where = probe.getScheme() + "://" + probe.getHost() + (probe.getPort() < 0 ? "" : ":" + probe.getPort());
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return (status / 100 == 2 ? Health.up() : Health.down()).withDetail("url", where)
                    .withDetail("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("url", where).withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("url", where).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
