package uk.safeguarding.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RegistryHttp;
import uk.safeguarding.registry.support.RegistryHttp.Answer;
import uk.safeguarding.registry.support.RunningRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.registry.support.RegistryHttp.schemaBody;
import static uk.safeguarding.registry.support.Schemas.ACKNOWLEDGEMENT;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V1;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_WITH_DEFAULT;

/** Registering, finding and reading schemas over HTTP, as Confluent's clients do. */
class SchemaRegistrationApiTest {

    private static RunningRegistry registry;
    private static RegistryHttp http;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("registration_api");
        http = registry.http();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registeringASchemaAnswersItsIdAndTheSubjectListsVersionOne() {
        // when
        Answer registered = http.post("/subjects/reg-first-value/versions", schemaBody(REFERRAL_V1));

        // then
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).startsWith(RegistryHttp.V1_JSON);
        int id = registered.json().path("id").asInt();
        assertThat(id).isPositive();
        assertThat(http.get("/subjects/reg-first-value/versions").json().toString()).isEqualTo("[1]");
        Answer version = http.get("/subjects/reg-first-value/versions/1");
        assertThat(version.json().path("subject").asText()).isEqualTo("reg-first-value");
        assertThat(version.json().path("version").asInt()).isEqualTo(1);
        assertThat(version.json().path("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(version.json().path("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(REFERRAL_V1));
        assertThat(version.json().has("schemaType")).as("Confluent omits schemaType for AVRO").isFalse();
    }

    @Test
    void reRegisteringTheSameSchemaAnswersTheExistingIdWithoutANewVersion() {
        // given
        int id = http.post("/subjects/reg-again-value/versions", schemaBody(REFERRAL_V1)).json().path("id").asInt();

        // when the same schema is sent again, differently formatted
        String reformatted = new Schema.Parser().parse(REFERRAL_V1).toString(true);
        Answer again = http.post("/subjects/reg-again-value/versions", schemaBody(reformatted));

        // then
        assertThat(again.json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/reg-again-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneGlobalId() {
        // given a schema no other test registers
        String closure = """
                {"type":"record","name":"CaseClosure","namespace":"uk.safeguarding.test","fields":[
                  {"name":"caseId","type":"string"}]}""";

        // when
        int first = http.post("/subjects/reg-shared-a-value/versions", schemaBody(closure)).json().path("id").asInt();
        int second = http.post("/subjects/reg-shared-b-value/versions", schemaBody(closure)).json().path("id").asInt();

        // then
        assertThat(second).isEqualTo(first);
        Answer versions = http.get("/schemas/ids/" + first + "/versions");
        assertThat(versions.json().toString())
                .contains("{\"subject\":\"reg-shared-a-value\",\"version\":1}")
                .contains("{\"subject\":\"reg-shared-b-value\",\"version\":1}");
        assertThat(http.get("/schemas/ids/" + first + "/subjects").json().toString())
                .isEqualTo("[\"reg-shared-a-value\",\"reg-shared-b-value\"]");
    }

    @Test
    void aSchemaIsReadByIdWhateverQueryParametersTheClientAdds() {
        // given
        int id = http.post("/subjects/reg-byid-value/versions", schemaBody(REFERRAL_V1)).json().path("id").asInt();

        // when
        Answer plain = http.get("/schemas/ids/" + id);
        Answer withSubject = http.get("/schemas/ids/" + id + "?subject=reg-byid-value&format=&fetchMaxId=false");
        Answer raw = http.get("/schemas/ids/" + id + "/schema");

        // then
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().fieldNames()).toIterable().containsExactly("schema");
        assertThat(new Schema.Parser().parse(plain.json().path("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(REFERRAL_V1));
        assertThat(withSubject.json()).isEqualTo(plain.json());
        assertThat(new Schema.Parser().parse(raw.raw())).isEqualTo(new Schema.Parser().parse(REFERRAL_V1));
    }

    @Test
    void lookingUpARegisteredSchemaAnswersSubjectVersionIdAndSchema() {
        // given
        http.post("/subjects/reg-lookup-value/versions", schemaBody(REFERRAL_V1));
        int id2 = http.post("/subjects/reg-lookup-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT)).json().path("id").asInt();

        // when
        Answer found = http.post("/subjects/reg-lookup-value?normalize=false", schemaBody(REFERRAL_V2_WITH_DEFAULT));

        // then
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("subject").asText()).isEqualTo("reg-lookup-value");
        assertThat(found.json().path("version").asInt()).isEqualTo(2);
        assertThat(found.json().path("id").asInt()).isEqualTo(id2);
        assertThat(found.json().path("schema").asText()).contains("\"note\"");
    }

    @Test
    void latestVersionAndItsRawSchemaAreTheNewestRegistered() {
        // given
        http.post("/subjects/reg-latest-value/versions", schemaBody(REFERRAL_V1));
        int id2 = http.post("/subjects/reg-latest-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT)).json().path("id").asInt();

        // when
        Answer latest = http.get("/subjects/reg-latest-value/versions/latest");
        Answer minusOne = http.get("/subjects/reg-latest-value/versions/-1");
        Answer rawLatest = http.get("/subjects/reg-latest-value/versions/latest/schema");
        Answer rawFirst = http.get("/subjects/reg-latest-value/versions/1/schema");

        // then
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat(latest.json().path("id").asInt()).isEqualTo(id2);
        assertThat(minusOne.json()).isEqualTo(latest.json());
        assertThat(new Schema.Parser().parse(rawLatest.raw())).isEqualTo(new Schema.Parser().parse(REFERRAL_V2_WITH_DEFAULT));
        assertThat(new Schema.Parser().parse(rawFirst.raw())).isEqualTo(new Schema.Parser().parse(REFERRAL_V1));
    }

    @Test
    void subjectsNamedByRecordNameStrategyKeepTheirDots() {
        // when
        Answer registered = http.post("/subjects/uk.safeguarding.test.Referral/versions", schemaBody(REFERRAL_V1));

        // then
        assertThat(registered.status()).isEqualTo(200);
        Answer latest = http.get("/subjects/uk.safeguarding.test.Referral/versions/latest");
        assertThat(latest.json().path("subject").asText()).isEqualTo("uk.safeguarding.test.Referral");
        assertThat(http.get("/subjects/uk.safeguarding.test.Referral/versions/1/schema").status()).isEqualTo(200);
    }

    @Test
    void subjectsListsEveryRegisteredSubject() {
        // given
        http.post("/subjects/reg-list-one-value/versions", schemaBody(REFERRAL_V1));
        http.post("/subjects/reg-list-two-value/versions", schemaBody(ACKNOWLEDGEMENT));

        // when
        Answer subjects = http.get("/subjects");
        Answer prefixed = http.get("/subjects?subjectPrefix=reg-list-t");

        // then
        assertThat(subjects.json().toString()).contains("\"reg-list-one-value\"", "\"reg-list-two-value\"");
        assertThat(prefixed.json().toString()).isEqualTo("[\"reg-list-two-value\"]");
    }

    @Test
    void rootAndModeAnswerWhatConfluentClientsProbeFor() {
        assertThat(http.get("/").json().toString()).isEqualTo("{}");
        assertThat(http.get("/mode").json().path("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.get("/mode/any-subject").json().path("mode").asText()).isEqualTo("READWRITE");
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void requestsLabelledJsonOrOctetStreamAreUnderstoodToo() {
        // when
        Answer asJson = http.send("POST", "/subjects/reg-json-value/versions", schemaBody(REFERRAL_V1).toString(),
                "application/json");
        Answer asOctets = http.send("POST", "/subjects/reg-octets-value/versions", schemaBody(REFERRAL_V1).toString(),
                "application/octet-stream");

        // then
        assertThat(asJson.status()).isEqualTo(200);
        assertThat(asOctets.status()).isEqualTo(200);
        assertThat(asOctets.json().path("id").asInt()).isEqualTo(asJson.json().path("id").asInt());
    }

    @Test
    void clientPropertiesTheRegistryDoesNotUseAreIgnored() {
        // given a body as Confluent's Node client sends it
        ObjectNode body = schemaBody(ACKNOWLEDGEMENT).put("schemaType", "AVRO");
        body.putArray("references");
        body.putObject("metadata").putObject("properties").put("owner", "safeguarding");

        // when
        Answer registered = http.post("/subjects/reg-extra-value/versions?normalize=false", body);

        // then
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().path("id").asInt()).isPositive();
    }

    // ---- errors

    @Test
    void anUnknownSubjectAnswers40401() {
        assertError(http.get("/subjects/reg-nobody-value/versions"), 404, 40401);
        assertError(http.get("/subjects/reg-nobody-value/versions/latest"), 404, 40401);
        assertError(http.post("/subjects/reg-nobody-value", schemaBody(REFERRAL_V1)), 404, 40401);
    }

    @Test
    void anUnknownVersionAnswers40402() {
        http.post("/subjects/reg-oneversion-value/versions", schemaBody(REFERRAL_V1));

        assertError(http.get("/subjects/reg-oneversion-value/versions/7"), 404, 40402);
    }

    @Test
    void anUnknownSchemaAnswers40403() {
        http.post("/subjects/reg-other-value/versions", schemaBody(REFERRAL_V1));

        assertError(http.get("/schemas/ids/999999"), 404, 40403);
        assertError(http.get("/schemas/ids/not-a-number"), 404, 40403);
        assertError(http.post("/subjects/reg-other-value", schemaBody(ACKNOWLEDGEMENT)), 404, 40403);
    }

    @Test
    void anUnparseableSchemaAnswers42201() {
        Answer answer = http.post("/subjects/reg-broken-value/versions", schemaBody("{\"type\":\"record\",\"name\":"));

        assertError(answer, 422, 42201);
        assertThat(answer.message()).startsWith("Invalid schema");
    }

    @Test
    void aSchemaTypeOtherThanAvroAnswers422SayingOnlyAvroIsSupported() {
        ObjectNode protobuf = schemaBody("syntax = \"proto3\"; message Referral { string id = 1; }")
                .put("schemaType", "PROTOBUF");

        Answer answer = http.post("/subjects/reg-proto-value/versions", protobuf);

        assertError(answer, 422, 42201);
        assertThat(answer.message()).contains("PROTOBUF").contains("AVRO schemas only");
    }

    @Test
    void anInvalidVersionAnswers42202() {
        http.post("/subjects/reg-badversion-value/versions", schemaBody(REFERRAL_V1));

        assertError(http.get("/subjects/reg-badversion-value/versions/first"), 422, 42202);
        assertError(http.get("/subjects/reg-badversion-value/versions/0"), 422, 42202);
    }

    @Test
    void anUnknownPathAnswersAJson404() {
        assertError(http.get("/no/such/endpoint"), 404, 404);
    }

    static void assertError(Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.errorCode()).as(answer.raw()).isEqualTo(errorCode);
        assertThat(answer.message()).isNotBlank();
        assertThat(answer.contentType()).startsWith(RegistryHttp.V1_JSON);
    }
}
