package uk.safeguarding.notification.shared.kafka;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.util.Map;

/** A record to publish: the output binding, the key bytes, the value (Avro record or raw bytes), extra headers. */
public record Outbound(String binding, byte[] key, Object value, Map<String, byte[]> headers) {

    public Outbound(String binding, byte[] key, Object value) {
        this(binding, key, value, Map.of());
    }

    /** Sends it through the bridge (inside the caller's Kafka transaction, if one is open); a refused send throws. */
    public void sendThrough(StreamBridge bridge) {
        MessageBuilder<Object> message = MessageBuilder.withPayload(value);
        if (key != null) {
            message.setHeader(KafkaHeaders.KEY, key);
        }
        headers.forEach(message::setHeader);
        if (!bridge.send(binding, message.build())) {
            throw new IllegalStateException("Could not send to binding " + binding);
        }
    }
}
