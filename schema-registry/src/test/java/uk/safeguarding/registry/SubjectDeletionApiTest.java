package uk.safeguarding.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RegistryHttp;
import uk.safeguarding.registry.support.RegistryHttp.Answer;
import uk.safeguarding.registry.support.RunningRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.registry.SchemaRegistrationApiTest.assertError;
import static uk.safeguarding.registry.support.RegistryHttp.schemaBody;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V1;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_REQUIRED_FIELD;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_WITH_DEFAULT;

/** Soft and permanent deletion of subjects and versions, as Confluent's registry does them. */
class SubjectDeletionApiTest {

    private static RunningRegistry registry;
    private static RegistryHttp http;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("deletion_api");
        http = registry.http();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void softDeletingASubjectAnswersItsVersionsAndHidesItButKeepsIdsReadable() {
        // given
        int id = http.post("/subjects/del-soft-value/versions", schemaBody(REFERRAL_V1)).json().path("id").asInt();
        http.post("/subjects/del-soft-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT));

        // when
        Answer deleted = http.delete("/subjects/del-soft-value");

        // then
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).doesNotContain("del-soft-value");
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains("del-soft-value");
        assertError(http.get("/subjects/del-soft-value/versions"), 404, 40401);
        assertThat(http.get("/subjects/del-soft-value/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/del-soft-value/versions/1?deleted=true").json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id).status()).as("records already written stay readable").isEqualTo(200);
        assertError(http.delete("/subjects/del-soft-value"), 404, 40404);
    }

    @Test
    void aSoftDeletedSubjectAcceptsAnyNewSchemaWithTheNextVersionNumber() {
        // given
        http.post("/subjects/del-restart-value/versions", schemaBody(REFERRAL_V1));
        http.delete("/subjects/del-restart-value");

        // when a schema BACKWARD would have refused against the deleted version
        Answer registered = http.post("/subjects/del-restart-value/versions", schemaBody(REFERRAL_V2_REQUIRED_FIELD));

        // then
        assertThat(registered.status()).isEqualTo(200);
        assertThat(http.get("/subjects/del-restart-value/versions").json().toString()).isEqualTo("[2]");
    }

    @Test
    void permanentDeletionNeedsASoftDeletionFirst() {
        // given
        int id = http.post("/subjects/del-hard-value/versions", schemaBody("""
                {"type":"record","name":"HardDeleted","namespace":"uk.safeguarding.test","fields":[
                  {"name":"id","type":"string"}]}""")).json().path("id").asInt();

        // when / then
        assertError(http.delete("/subjects/del-hard-value?permanent=true"), 404, 40405);
        assertThat(http.delete("/subjects/del-hard-value").json().toString()).isEqualTo("[1]");
        Answer permanent = http.delete("/subjects/del-hard-value?permanent=true");
        assertThat(permanent.status()).isEqualTo(200);
        assertThat(permanent.json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain("del-hard-value");
        assertError(http.get("/schemas/ids/" + id), 404, 40403);
        assertError(http.delete("/subjects/del-hard-value"), 404, 40401);
    }

    @Test
    void deletingOneVersionLeavesTheOthersAndLatestMovesBack() {
        // given
        http.post("/subjects/del-version-value/versions", schemaBody(REFERRAL_V1));
        http.post("/subjects/del-version-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT));

        // when
        Answer deleted = http.delete("/subjects/del-version-value/versions/2");

        // then
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/del-version-value/versions").json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects/del-version-value/versions/latest").json().path("version").asInt()).isEqualTo(1);
        assertError(http.get("/subjects/del-version-value/versions/2"), 404, 40402);
        assertError(http.delete("/subjects/del-version-value/versions/2"), 404, 40406);
        assertError(http.delete("/subjects/del-version-value/versions/1?permanent=true"), 404, 40407);
        assertThat(http.delete("/subjects/del-version-value/versions/2?permanent=true").json().asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/del-version-value/versions?deleted=true").json().toString()).isEqualTo("[1]");
        assertError(http.delete("/subjects/del-version-value/versions/9"), 404, 40402);
        assertError(http.delete("/subjects/del-version-value/versions/nine"), 422, 42202);
    }
}
