package uk.safeguarding.notification.shared.kafka;

import org.apache.kafka.common.serialization.Serializer;
import uk.safeguarding.serde.KafkaAvroSerializer;

import java.util.Map;

/**
 * The value serializer of the binder's one transactional producer (with binder transactions every binding shares
 * it): byte arrays (dead letters keep their original bytes) go as they are, everything else is Avro in the Confluent
 * wire format through {@link KafkaAvroSerializer}.
 */
public class PlatformValueSerializer implements Serializer<Object> {

    private final KafkaAvroSerializer avro = new KafkaAvroSerializer();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        avro.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        return avro.serialize(topic, data);
    }

    @Override
    public void close() {
        avro.close();
    }
}
