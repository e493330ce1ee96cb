package uk.safeguarding.ingest.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ingest.auth.*} and {@code ingest.rate-limit.*}: see incident-ingest.yml for what each is for. */
public final class AccessProperties {

    private AccessProperties() {
    }

    @ConfigurationProperties("ingest.auth")
    public static class Auth {
        private String issuer = "";
        private String jwkSetUri = "";
        private String audience = "incident-ingest";
        private String scopeClaim = "scope";
        private String scopePrefix = "incidents:submit:";
        private List<String> clientIdClaims = new ArrayList<>(List.of("client_id", "azp", "sub"));
        private List<String> algorithms = new ArrayList<>(List.of("RS256", "PS256", "ES256"));
        private long clockSkewSeconds = 60;
        private LocalIssuer localIssuer = new LocalIssuer();

        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public String getJwkSetUri() { return jwkSetUri; }
        public void setJwkSetUri(String jwkSetUri) { this.jwkSetUri = jwkSetUri; }
        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public String getScopeClaim() { return scopeClaim; }
        public void setScopeClaim(String scopeClaim) { this.scopeClaim = scopeClaim; }
        public String getScopePrefix() { return scopePrefix; }
        public void setScopePrefix(String scopePrefix) { this.scopePrefix = scopePrefix; }
        public List<String> getClientIdClaims() { return clientIdClaims; }
        public void setClientIdClaims(List<String> clientIdClaims) { this.clientIdClaims = clientIdClaims; }
        public List<String> getAlgorithms() { return algorithms; }
        public void setAlgorithms(List<String> algorithms) { this.algorithms = algorithms; }
        public long getClockSkewSeconds() { return clockSkewSeconds; }
        public void setClockSkewSeconds(long clockSkewSeconds) { this.clockSkewSeconds = clockSkewSeconds; }
        public LocalIssuer getLocalIssuer() { return localIssuer; }
        public void setLocalIssuer(LocalIssuer localIssuer) { this.localIssuer = localIssuer; }
    }

    public static class LocalIssuer {
        private boolean enabled;
        private String issuer = "urn:safeguarding:incident-ingest:local-issuer";
        private long tokenValiditySeconds = 3600;
        private List<LocalClient> clients = new ArrayList<>();

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public long getTokenValiditySeconds() { return tokenValiditySeconds; }
        public void setTokenValiditySeconds(long tokenValiditySeconds) { this.tokenValiditySeconds = tokenValiditySeconds; }
        public List<LocalClient> getClients() { return clients; }
        public void setClients(List<LocalClient> clients) { this.clients = clients; }
    }

    public static class LocalClient {
        private String clientId;
        private String clientSecret;
        private List<String> forceCodes = new ArrayList<>();

        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getClientSecret() { return clientSecret; }
        public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
        public List<String> getForceCodes() { return forceCodes; }
        public void setForceCodes(List<String> forceCodes) { this.forceCodes = forceCodes; }
    }

    @ConfigurationProperties("ingest.rate-limit")
    public static class RateLimit {
        private double requestsPerSecond = 20;
        private int burst = 40;
        private Map<String, ClientLimit> clients = new LinkedHashMap<>();

        public double getRequestsPerSecond() { return requestsPerSecond; }
        public void setRequestsPerSecond(double requestsPerSecond) { this.requestsPerSecond = requestsPerSecond; }
        public int getBurst() { return burst; }
        public void setBurst(int burst) { this.burst = burst; }
        public Map<String, ClientLimit> getClients() { return clients; }
        public void setClients(Map<String, ClientLimit> clients) { this.clients = clients; }
    }

    public static class ClientLimit {
        private double requestsPerSecond;
        private int burst;

        public double getRequestsPerSecond() { return requestsPerSecond; }
        public void setRequestsPerSecond(double requestsPerSecond) { this.requestsPerSecond = requestsPerSecond; }
        public int getBurst() { return burst; }
        public void setBurst(int burst) { this.burst = burst; }
    }
}
