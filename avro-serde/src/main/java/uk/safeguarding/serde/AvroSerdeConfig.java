package uk.safeguarding.serde;

import java.util.Map;

/**
 * Configuration keys, spelled exactly as Confluent's {@code AbstractKafkaSchemaSerDeConfig} spells them, so a
 * producer or consumer configured for this serde works unchanged with Confluent's jars and vice versa.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    /** Confluent accepts the user info under this prefixed key too. */
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /** URL scheme that selects an in-memory registry shared by everything in the JVM using the same scope. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private final Map<String, ?> values;

    public AvroSerdeConfig(Map<String, ?> values) {
        this.values = values;
    }

    public String registryUrl() {
        Object url = values.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new org.apache.kafka.common.config.ConfigException(
                    "Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" which has no default value.");
        }
        return url.toString();
    }

    public boolean autoRegister() {
        return bool(AUTO_REGISTER_SCHEMAS, true);
    }

    public boolean useLatestVersion() {
        return bool(USE_LATEST_VERSION, false);
    }

    public boolean specificReader() {
        return bool(SPECIFIC_AVRO_READER, false);
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        Object name = values.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY);
        return SubjectNameStrategy.named(name == null ? null : name instanceof Class<?> c ? c.getName() : name.toString());
    }

    /** "user:password" when basic auth is configured (source USER_INFO, Confluent's default), else null. */
    public String userInfo() {
        Object source = values.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        if (source != null && !"USER_INFO".equalsIgnoreCase(source.toString())) {
            return null;
        }
        Object info = values.get(USER_INFO);
        if (info == null) {
            info = values.get(SCHEMA_REGISTRY_USER_INFO);
        }
        return info == null || info.toString().isBlank() ? null : info.toString();
    }

    public long requestTimeoutMs() {
        Object v = values.get(REQUEST_TIMEOUT_MS);
        return v == null ? 10_000L : Long.parseLong(v.toString());
    }

    private boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim());
    }
}
