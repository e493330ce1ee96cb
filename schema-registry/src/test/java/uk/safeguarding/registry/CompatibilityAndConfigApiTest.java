package uk.safeguarding.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RegistryHttp;
import uk.safeguarding.registry.support.RegistryHttp.Answer;
import uk.safeguarding.registry.support.RunningRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.registry.SchemaRegistrationApiTest.assertError;
import static uk.safeguarding.registry.support.RegistryHttp.compatibilityBody;
import static uk.safeguarding.registry.support.RegistryHttp.schemaBody;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V1;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_REQUIRED_FIELD;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_WITH_DEFAULT;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_WITHOUT_SCHOOL;

/**
 * Schema evolution over HTTP: what registration refuses, the compatibility endpoint, and the levels set globally and
 * per subject. The global level is left at the default BACKWARD by every test but the one that changes and restores it.
 */
class CompatibilityAndConfigApiTest {

    private static RunningRegistry registry;
    private static RegistryHttp http;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start("compatibility_api");
        http = registry.http();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void addingAFieldWithoutDefaultUnderBackwardIsRefusedWith409SayingWhy() {
        // given
        http.post("/subjects/cmp-required-value/versions", schemaBody(REFERRAL_V1));

        // when
        Answer refused = http.post("/subjects/cmp-required-value/versions", schemaBody(REFERRAL_V2_REQUIRED_FIELD));

        // then
        assertError(refused, 409, 409);
        assertThat(refused.message())
                .contains("incompatible with an earlier schema for subject \"cmp-required-value\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("priority");
        assertThat(http.get("/subjects/cmp-required-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void addingAnOptionalFieldWithDefaultIsAcceptedAsTheNextVersion() {
        // given
        int id1 = http.post("/subjects/cmp-evolve-value/versions", schemaBody(REFERRAL_V1)).json().path("id").asInt();

        // when
        Answer evolved = http.post("/subjects/cmp-evolve-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT));

        // then
        assertThat(evolved.status()).isEqualTo(200);
        assertThat(evolved.json().path("id").asInt()).isNotEqualTo(id1);
        assertThat(http.get("/subjects/cmp-evolve-value/versions").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/cmp-evolve-value/versions/latest").json().path("id").asInt())
                .isEqualTo(evolved.json().path("id").asInt());
    }

    @Test
    void theCompatibilityEndpointAnswersWithoutRegistering() {
        // given
        http.post("/subjects/cmp-test-value/versions", schemaBody(REFERRAL_V1));

        // when
        Answer compatible = http.post("/compatibility/subjects/cmp-test-value/versions/latest",
                schemaBody(REFERRAL_V2_WITH_DEFAULT));
        Answer incompatible = http.post("/compatibility/subjects/cmp-test-value/versions/1",
                schemaBody(REFERRAL_V2_REQUIRED_FIELD));
        Answer verbose = http.post("/compatibility/subjects/cmp-test-value/versions/latest?verbose=true",
                schemaBody(REFERRAL_V2_REQUIRED_FIELD));
        Answer againstAll = http.post("/compatibility/subjects/cmp-test-value/versions",
                schemaBody(REFERRAL_V2_WITH_DEFAULT));

        // then
        assertThat(compatible.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(compatible.json().has("messages")).isFalse();
        assertThat(incompatible.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().path("messages").toString())
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("oldSchemaVersion: 1");
        assertThat(againstAll.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(http.get("/subjects/cmp-test-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void aSubjectWithNoVersionsIsCompatibleWithAnything() {
        Answer answer = http.post("/compatibility/subjects/cmp-empty-value/versions/latest", schemaBody(REFERRAL_V1));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void compatibilityAgainstAMissingVersionAnswers40402() {
        http.post("/subjects/cmp-missing-value/versions", schemaBody(REFERRAL_V1));

        assertError(http.post("/compatibility/subjects/cmp-missing-value/versions/5", schemaBody(REFERRAL_V1)), 404, 40402);
        assertError(http.post("/compatibility/subjects/cmp-nobody-value/versions/1", schemaBody(REFERRAL_V1)), 404, 40401);
    }

    @Test
    void theDefaultGlobalLevelIsBackward() {
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOne() {
        // given a global BACKWARD level and a subject set to NONE
        http.post("/subjects/cmp-none-value/versions", schemaBody(REFERRAL_V1));
        Answer set = http.put("/config/cmp-none-value", compatibilityBody("NONE"));

        // when a change BACKWARD would refuse is registered
        Answer registered = http.post("/subjects/cmp-none-value/versions", schemaBody(REFERRAL_V2_REQUIRED_FIELD));

        // then
        assertThat(set.json().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(http.get("/config/cmp-none-value").json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(registered.status()).isEqualTo(200);
        assertThat(http.get("/subjects/cmp-none-value/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void aSubjectSetToForwardRefusesWhatBackwardAllows() {
        // given
        http.post("/subjects/cmp-forward-value/versions", schemaBody(REFERRAL_V1));
        http.put("/config/cmp-forward-value", compatibilityBody("forward"));

        // when removing a field without default (old readers cannot fill it in)
        Answer refused = http.post("/subjects/cmp-forward-value/versions", schemaBody(REFERRAL_WITHOUT_SCHOOL));

        // then
        assertError(refused, 409, 409);
        assertThat(http.post("/compatibility/subjects/cmp-forward-value/versions/latest",
                schemaBody(REFERRAL_V2_REQUIRED_FIELD)).json().path("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void deletingTheSubjectLevelFallsBackToTheGlobalOne() {
        // given
        http.post("/subjects/cmp-fallback-value/versions", schemaBody(REFERRAL_V1));
        http.put("/config/cmp-fallback-value", compatibilityBody("NONE"));

        // when
        Answer deleted = http.delete("/config/cmp-fallback-value");

        // then
        assertThat(deleted.json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertError(http.get("/config/cmp-fallback-value"), 404, 40408);
        assertThat(http.get("/config/cmp-fallback-value?defaultToGlobal=true").json().path("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertError(http.post("/subjects/cmp-fallback-value/versions", schemaBody(REFERRAL_V2_REQUIRED_FIELD)), 409, 409);
    }

    @Test
    void theGlobalLevelGovernsSubjectsWithoutTheirOwn() {
        // given
        http.post("/subjects/cmp-global-value/versions", schemaBody(REFERRAL_V1));
        try {
            // when
            Answer set = http.put("/config", compatibilityBody("FULL"));

            // then FULL refuses what BACKWARD allows: old readers cannot fill in a removed field that has no default
            assertThat(set.json().path("compatibility").asText()).isEqualTo("FULL");
            assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertError(http.post("/subjects/cmp-global-value/versions", schemaBody(REFERRAL_WITHOUT_SCHOOL)), 409, 409);
            assertThat(http.post("/subjects/cmp-global-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT)).status())
                    .isEqualTo(200);
        } finally {
            assertThat(http.delete("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        }
    }

    @Test
    void aTransitiveLevelChecksEveryLiveVersionNotOnlyTheLatest() {
        // given v1, then a v2 without the school field (fine under BACKWARD), then the subject made transitive
        http.post("/subjects/cmp-transitive-value/versions", schemaBody(REFERRAL_V1));
        http.post("/subjects/cmp-transitive-value/versions", schemaBody(REFERRAL_WITHOUT_SCHOOL));
        String schoolAsInt = """
                {"type":"record","name":"Referral","namespace":"uk.safeguarding.test","fields":[
                  {"name":"referralId","type":"string"},
                  {"name":"school","type":"int","default":0}]}""";
        http.put("/config/cmp-transitive-value", compatibilityBody("BACKWARD_TRANSITIVE"));

        // when school comes back as an int with a default: fine against v2, but v1 wrote it as a string
        Answer transitive = http.post("/subjects/cmp-transitive-value/versions", schemaBody(schoolAsInt));
        http.put("/config/cmp-transitive-value", compatibilityBody("BACKWARD"));
        Answer latestOnly = http.post("/subjects/cmp-transitive-value/versions", schemaBody(schoolAsInt));

        // then
        assertError(transitive, 409, 409);
        assertThat(transitive.message()).contains("oldSchemaVersion: 1");
        assertThat(latestOnly.status()).isEqualTo(200);
    }

    @Test
    void anUnknownCompatibilityLevelAnswers42203() {
        assertError(http.put("/config", compatibilityBody("SIDEWAYS")), 422, 42203);
        assertError(http.put("/config/cmp-bad-level-value", compatibilityBody("SIDEWAYS")), 422, 42203);
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }
}
