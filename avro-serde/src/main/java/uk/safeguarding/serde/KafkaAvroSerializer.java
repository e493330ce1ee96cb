package uk.safeguarding.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro records in the Confluent wire format: magic byte 0, the schema's registry id as a 4-byte big-endian
 * int, then the Avro binary encoding. Configured with Confluent's keys ({@link AvroSerdeConfig}).
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    static final byte MAGIC_BYTE = 0x0;

    static {
        GeneratedAvroClasses.trust();
    }

    private SchemaRegistryClient registry;
    private SubjectNameStrategy subjectNames;
    private boolean isKey;
    private boolean autoRegister;
    private boolean useLatestVersion;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    public KafkaAvroSerializer() {
    }

    /** For code that builds its own client (tests, tools); {@link #configure} still applies the other settings. */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.forConfig(config);
        }
        this.subjectNames = config.subjectNameStrategy(isKey);
        this.isKey = isKey;
        this.autoRegister = config.autoRegister();
        this.useLatestVersion = config.useLatestVersion();
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("KafkaAvroSerializer used before configure(): set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = schemaOf(data);
        String subject = subjectNames.subjectName(topic, isKey, schema);
        int id;
        Schema writerSchema = schema;
        try {
            if (useLatestVersion) {
                SchemaRegistryClient.SchemaMetadata latest = registry.getLatestSchemaMetadata(subject);
                id = latest.id();
                writerSchema = latest.schema();
            } else if (autoRegister) {
                id = registry.register(subject, schema);
            } else {
                id = registry.getId(subject, schema);
            }
        } catch (RuntimeException e) {
            throw new SerializationException("Error " + (autoRegister && !useLatestVersion ? "registering" : "retrieving")
                    + " Avro schema " + schema.getFullName() + " for subject '" + subject + "': " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            out.write(MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            // buffered: the direct encoder writes field by field into the (synchronized) stream
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writerFor(writerSchema, data).write(data instanceof NonRecordContainer c ? c.value() : data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro message of type " + schema.getFullName()
                    + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificModels.forClassLoader(data.getClass().getClassLoader()))
                : new GenericDatumWriter<>(s, SpecificModels.plainGeneric()));
    }

    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (data instanceof NonRecordContainer container) {
            return container.schema();
        }
        Schema.Type primitive;
        if (data instanceof String) {
            primitive = Schema.Type.STRING;
        } else if (data instanceof Integer) {
            primitive = Schema.Type.INT;
        } else if (data instanceof Long) {
            primitive = Schema.Type.LONG;
        } else if (data instanceof Boolean) {
            primitive = Schema.Type.BOOLEAN;
        } else if (data instanceof Double) {
            primitive = Schema.Type.DOUBLE;
        } else if (data instanceof Float) {
            primitive = Schema.Type.FLOAT;
        } else if (data instanceof byte[]) {
            primitive = Schema.Type.BYTES;
        } else {
            throw new SerializationException("Unsupported Avro type " + data.getClass().getName()
                    + ": supported are records (specific or generic) and primitives");
        }
        return Schema.create(primitive);
    }

    @Override
    public void close() {
        // the registry client is shared across the JVM (SchemaRegistryClients) and outlives this serializer
    }

    /** A primitive value with the schema to write it under. */
    public record NonRecordContainer(Schema schema, Object value) {
    }
}
