package uk.safeguarding.notification.shared.kafka;

import java.util.Map;

/** A record to publish: the output binding, the key bytes, the value (Avro record or raw bytes), extra headers. */
public record Outbound(String binding, byte[] key, Object value, Map<String, byte[]> headers) {

    public Outbound(String binding, byte[] key, Object value) {
        this(binding, key, value, Map.of());
    }
}
