package uk.safeguarding.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaAvroSerdeTest {

    static final Schema V1 = SchemaBuilder.record("Note").namespace("test.serde").fields()
            .requiredString("id").requiredInt("count").endRecord();
    static final Schema V2 = SchemaBuilder.record("Note").namespace("test.serde").fields()
            .requiredString("id").requiredInt("count")
            .name("comment").type().stringType().stringDefault("none").endRecord();

    final String scope = "serde-test-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    Map<String, Object> config(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    KafkaAvroSerializer serializer(Object... keyValues) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config(keyValues), false);
        return serializer;
    }

    KafkaAvroDeserializer deserializer(Object... keyValues) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(keyValues), false);
        return deserializer;
    }

    static GenericRecord note(Schema schema, String id, int count) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("count", count);
        return record;
    }

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenPlainAvroBinary() throws Exception {
        // given a record and a registry
        byte[] bytes = serializer().serialize("notes", note(V1, "n-1", 7));

        // then the first byte is 0, the next four the id the registry gave the subject <topic>-value
        int id = MockSchemaRegistryClient.forScope(scope).getLatestSchemaMetadata("notes-value").id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        // and the rest is the plain Avro binary encoding any Avro reader decodes
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(V1).read(null,
                DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
        assertThat(decoded.get("id").toString()).isEqualTo("n-1");
        assertThat(decoded.get("count")).isEqualTo(7);
    }

    @Test
    void recordWrittenWithAnOlderSchemaIsReadWithItsWriterSchema() {
        // given a record written with v1 and v2 registered later under the same subject
        byte[] old = serializer().serialize("notes", note(V1, "n-2", 1));
        byte[] current = serializer().serialize("notes", withComment(note(V2, "n-3", 2), "hello"));

        // when both are read back
        KafkaAvroDeserializer deserializer = deserializer();
        GenericRecord first = (GenericRecord) deserializer.deserialize("notes", old);
        GenericRecord second = (GenericRecord) deserializer.deserialize("notes", current);

        // then each keeps the shape it was written with
        assertThat(first.getSchema()).isEqualTo(V1);
        assertThat(second.get("comment").toString()).isEqualTo("hello");
        assertThat(ByteBuffer.wrap(old, 1, 4).getInt()).isNotEqualTo(ByteBuffer.wrap(current, 1, 4).getInt());
    }

    @Test
    void sameSchemaUnderTwoTopicsHasOneGlobalIdAndTwoSubjects() {
        byte[] a = serializer().serialize("topic-a", note(V1, "x", 1));
        byte[] b = serializer().serialize("topic-b", note(V1, "y", 2));

        assertThat(ByteBuffer.wrap(a, 1, 4).getInt()).isEqualTo(ByteBuffer.wrap(b, 1, 4).getInt());
        assertThat(MockSchemaRegistryClient.forScope(scope).getLatestSchemaMetadata("topic-a-value")).isNotNull();
        assertThat(MockSchemaRegistryClient.forScope(scope).getLatestSchemaMetadata("topic-b-value")).isNotNull();
    }

    @Test
    void recordNameStrategyConfiguredWithConfluentsClassNameNamesTheSubjectAfterTheRecord() {
        serializer(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy").serialize("notes", note(V1, "x", 1));

        assertThat(MockSchemaRegistryClient.forScope(scope).getLatestSchemaMetadata("test.serde.Note").id()).isPositive();
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsWithTheSubjectInTheMessage() {
        KafkaAvroSerializer serializer = serializer(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");

        assertThatThrownBy(() -> serializer.serialize("notes", note(V1, "x", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("notes-value")
                .hasMessageContaining("test.serde.Note");
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredSchema() {
        // given v2 is the latest registered version of the subject
        MockSchemaRegistryClient.forScope(scope).register("notes-value", V1);
        int latest = MockSchemaRegistryClient.forScope(scope).register("notes-value", V2);

        // when a v2 record is written with use.latest.version and no auto-registration
        byte[] bytes = serializer(AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)
                .serialize("notes", withComment(note(V2, "x", 1), "c"));

        // then it carries the latest id
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest);
    }

    @Test
    void bytesWithoutTheMagicByteAreRefusedWithAClearSerializationException() {
        assertThatThrownBy(() -> deserializer().deserialize("notes", "{\"not\":\"avro\"}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte");
    }

    @Test
    void tooShortRecordIsRefusedWithAClearSerializationException() {
        assertThatThrownBy(() -> deserializer().deserialize("notes", new byte[]{0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("shorter than the 5-byte header");
    }

    @Test
    void unknownSchemaIdIsRefusedWithTheIdInTheMessage() {
        byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(999).put((byte) 0).array();

        assertThatThrownBy(() -> deserializer().deserialize("notes", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("id 999");
    }

    @Test
    void primitivesAreWrittenUnderTheirPrimitiveSchema() {
        byte[] bytes = serializer().serialize("words", "hello");

        assertThat(deserializer().deserialize("words", bytes).toString()).isEqualTo("hello");
        assertThat(MockSchemaRegistryClient.forScope(scope).getLatestSchemaMetadata("words-value").schema().getType())
                .isEqualTo(Schema.Type.STRING);
    }

    @Test
    void nullsPassThroughAsNullsForTombstones() {
        assertThat(serializer().serialize("notes", null)).isNull();
        assertThat(deserializer().deserialize("notes", null)).isNull();
    }

    @Test
    void missingRegistryUrlIsAConfigurationError() {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(Map.of(), false))
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }

    static GenericRecord withComment(GenericRecord record, String comment) {
        record.put("comment", comment);
        return record;
    }
}
