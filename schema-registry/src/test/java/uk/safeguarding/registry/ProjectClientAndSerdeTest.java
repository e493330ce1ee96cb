package uk.safeguarding.registry;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RunningRegistry;
import uk.safeguarding.serde.KafkaAvroDeserializer;
import uk.safeguarding.serde.KafkaAvroSerializer;
import uk.safeguarding.serde.RegistryException;
import uk.safeguarding.serde.RestSchemaRegistryClient;
import uk.safeguarding.serde.SchemaRegistryClient.SchemaMetadata;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V1;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_REQUIRED_FIELD;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_WITH_DEFAULT;

/** The project's own registry client and Kafka serde (module avro-serde) against this server. */
class ProjectClientAndSerdeTest {

    private static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("project_client");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private RestSchemaRegistryClient newClient() {
        return new RestSchemaRegistryClient(registry.url(), null, Duration.ofSeconds(5));
    }

    @Test
    void theClientRegistersLooksUpReadsByIdAndFindsTheLatest() {
        // given
        RestSchemaRegistryClient client = newClient();
        Schema v1 = new Schema.Parser().parse(REFERRAL_V1);
        Schema v2 = new Schema.Parser().parse(REFERRAL_V2_WITH_DEFAULT);

        // when
        int id1 = client.register("client-referral-value", v1);
        int id2 = client.register("client-referral-value", v2);

        // then
        RestSchemaRegistryClient fresh = newClient();
        assertThat(fresh.getId("client-referral-value", v1)).isEqualTo(id1);
        assertThat(fresh.getSchemaById(id2)).isEqualTo(v2);
        SchemaMetadata latest = fresh.getLatestSchemaMetadata("client-referral-value");
        assertThat(latest).isEqualTo(new SchemaMetadata("client-referral-value", 2, id2, v2));
    }

    @Test
    void theClientSeesTheRegistrysErrorCodes() {
        RestSchemaRegistryClient client = newClient();
        client.register("client-refused-value", new Schema.Parser().parse(REFERRAL_V1));

        assertThatThrownBy(() -> client.register("client-refused-value", new Schema.Parser().parse(REFERRAL_V2_REQUIRED_FIELD)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("409").hasMessageContaining("incompatible");
        assertThatThrownBy(() -> client.getSchemaById(987654))
                .isInstanceOf(RegistryException.class).hasMessageContaining("404");
    }

    @Test
    void aRecordRoundTripsThroughTheKafkaSerdeViaThisRegistry() {
        // given
        Map<String, Object> config = Map.of("schema.registry.url", registry.url());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        GenericRecord referral = new GenericData.Record(new Schema.Parser().parse(REFERRAL_V1));
        referral.put("referralId", "REF-0001");
        referral.put("school", "Hillside Primary");

        // when
        byte[] bytes = serializer.serialize("serde-referrals", referral);
        Object read = deserializer.deserialize("serde-referrals", bytes);

        // then the bytes name the id registered under the topic's value subject
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(bytes[0]).isZero();
        assertThat(newClient().getLatestSchemaMetadata("serde-referrals-value").id()).isEqualTo(id);
        assertThat(read).isEqualTo(referral);
    }
}
