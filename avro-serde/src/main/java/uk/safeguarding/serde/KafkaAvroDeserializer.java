package uk.safeguarding.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the Confluent wire format. The writer's schema comes from the registry by the id in the record; with
 * {@code specific.avro.reader=true} the record is resolved into the generated class of the same name (Avro's schema
 * resolution, so old and new writers are both readable), otherwise a GenericRecord is returned.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    static {
        GeneratedAvroClasses.trust();
        // A hostile record's length prefixes must not make the reader allocate gigabytes: no platform record holds a
        // string or bytes over 1 MiB or an array of more than 100,000 items (a JVM setting already given wins).
        limit("org.apache.avro.limits.string.maxLength", 1024 * 1024);
        limit("org.apache.avro.limits.bytes.maxLength", 1024 * 1024);
        limit("org.apache.avro.limits.collectionItems.maxLength", 100_000);
    }

    private static void limit(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    private SchemaRegistryClient registry;
    private boolean specificReader;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public KafkaAvroDeserializer() {
    }

    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.forConfig(config);
        }
        this.specificReader = config.specificReader();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("KafkaAvroDeserializer used before configure(): set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        if (data.length < 5) {
            throw new SerializationException("Not a Confluent Avro record on " + topic + ": " + data.length
                    + " bytes is shorter than the 5-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        byte magic = buffer.get();
        if (magic != KafkaAvroSerializer.MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + magic + " on " + topic
                    + ": not written by a Confluent-compatible Avro serializer");
        }
        int id = buffer.getInt();
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (RuntimeException e) {
            throw new SerializationException("Error retrieving Avro schema for id " + id + " on " + topic + ": "
                    + e.getMessage(), e);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null));
        } catch (Exception e) {
            throw new SerializationException("Error deserializing Avro message for id " + id + " on " + topic + ": "
                    + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : KafkaAvroDeserializer.class.getClassLoader();
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.getSchemaById(id);
        if (specificReader && writer.getType() == Schema.Type.RECORD) {
            SpecificData model = SpecificModels.forClassLoader(classLoader());
            Class<?> generated = model.getClass(writer);
            if (generated == null || generated == Object.class) {
                throw new SerializationException("No generated class " + writer.getFullName()
                        + " on the classpath for specific.avro.reader=true");
            }
            return new SpecificDatumReader<>(writer, model.getSchema(generated), model);
        }
        return new GenericDatumReader<>(writer, writer, SpecificModels.plainGeneric());
    }
}
