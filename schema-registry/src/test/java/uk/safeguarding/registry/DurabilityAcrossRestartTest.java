package uk.safeguarding.registry;

import org.junit.jupiter.api.Test;
import uk.safeguarding.registry.support.RegistryHttp;
import uk.safeguarding.registry.support.RunningRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.registry.support.RegistryHttp.compatibilityBody;
import static uk.safeguarding.registry.support.RegistryHttp.schemaBody;
import static uk.safeguarding.registry.support.Schemas.ACKNOWLEDGEMENT;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V1;
import static uk.safeguarding.registry.support.Schemas.REFERRAL_V2_WITH_DEFAULT;

/** Ids, versions and settings live in PostgreSQL, so a restarted registry answers as before. */
class DurabilityAcrossRestartTest {

    @Test
    void aRegistryRestartedOnTheSameDatabaseKeepsIdsVersionsAndConfig() {
        // given a registry with two versions, a second subject and a subject-level setting
        int id1;
        int id2;
        int ackId;
        try (RunningRegistry first = RunningRegistry.start("durability")) {
            RegistryHttp http = first.http();
            id1 = http.post("/subjects/dur-referral-value/versions", schemaBody(REFERRAL_V1)).json().path("id").asInt();
            id2 = http.post("/subjects/dur-referral-value/versions", schemaBody(REFERRAL_V2_WITH_DEFAULT)).json().path("id").asInt();
            ackId = http.post("/subjects/dur-ack-value/versions", schemaBody(ACKNOWLEDGEMENT)).json().path("id").asInt();
            http.put("/config/dur-ack-value", compatibilityBody("FULL_TRANSITIVE"));
        }

        // when it is stopped and a new one starts on the same database
        try (RunningRegistry second = RunningRegistry.start("durability")) {
            RegistryHttp http = second.http();

            // then
            assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"dur-ack-value\",\"dur-referral-value\"]");
            assertThat(http.get("/subjects/dur-referral-value/versions").json().toString()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/dur-referral-value/versions/latest").json().path("id").asInt()).isEqualTo(id2);
            assertThat(http.get("/schemas/ids/" + id1).json().path("schema").asText()).contains("Referral");
            assertThat(http.get("/config/dur-ack-value").json().path("compatibilityLevel").asText())
                    .isEqualTo("FULL_TRANSITIVE");
            assertThat(http.post("/subjects/dur-referral-value/versions", schemaBody(REFERRAL_V1)).json().path("id").asInt())
                    .as("re-registering after a restart finds the same id").isEqualTo(id1);
            assertThat(http.post("/subjects/dur-other-value/versions", schemaBody(ACKNOWLEDGEMENT)).json().path("id").asInt())
                    .isEqualTo(ackId);
        }
    }
}
