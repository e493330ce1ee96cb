package uk.safeguarding.serde;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per registry address and credentials in a JVM, so that every producer and consumer shares one cache
 * of ids and schemas instead of asking the registry again for each new serde instance.
 */
public final class SchemaRegistryClients {

    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
        String url = config.registryUrl();
        if (url.startsWith(AvroSerdeConfig.MOCK_URL_PREFIX)) {
            return MockSchemaRegistryClient.forScope(url.substring(AvroSerdeConfig.MOCK_URL_PREFIX.length()));
        }
        String userInfo = config.userInfo();
        String key = url + "|" + (userInfo == null ? "" : Integer.toHexString(userInfo.hashCode()));
        return CLIENTS.computeIfAbsent(key,
                k -> new RestSchemaRegistryClient(url, userInfo, Duration.ofMillis(config.requestTimeoutMs())));
    }
}
