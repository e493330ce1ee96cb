package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.shared.security.PersonRole;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverySettingsApiTest extends DeliveryTestSupport {

    static final String SECRET = "a-long-shared-signing-secret-0123456789";
    TestRestTemplate http;

    @BeforeEach
    void signedInAsDirectoryAdmin() {
        http = api(PersonRole.DIRECTORY_ADMIN);
    }

    @Autowired
    DeliverySettings settings;

    ResponseEntity<Map> call(HttpMethod method, String path, Object body) {
        return http.exchange("/api/v1/delivery/organisations/" + path, method, new HttpEntity<>(body), Map.class);
    }

    @Test
    void aSchoolsWebhookIsSetByApiAndTheAnswerNeverRepeatsTheSecret() {
        // given a school in the directory
        School school = givenSchoolWithPupil();

        // when its system's endpoint is set
        ResponseEntity<Map> answer = call(HttpMethod.PUT, school.id() + "/webhook",
                Map.of("url", "https://records.example/hooks/safeguarding", "secret", SECRET));

        // then the answer shows the endpoint, that a secret is set, and not the secret
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("emailNotices", true)
                .containsEntry("webhook", Map.of("url", "https://records.example/hooks/safeguarding",
                        "active", true, "secretSet", true));
        assertThat(answer.toString()).doesNotContain(SECRET);
        // and delivery signs with the secret given
        assertThat(settings.webhook(school.id())).hasValueSatisfying(w -> assertThat(w.secret()).isEqualTo(SECRET));
        // while the database holds it only encrypted, under the key from the environment
        assertThat(jdbc.queryForObject("select secret from webhook_endpoint where organisation_id = ?", String.class,
                school.id())).startsWith("enc:v1:").doesNotContain(SECRET).doesNotContain("0123456789");
    }

    @Test
    void emailNoticesCanBeSwitchedOffAndTheWebhookRemoved() {
        School school = givenSchoolWithPupil();
        call(HttpMethod.PUT, school.id() + "/webhook", Map.of("url", "https://records.example/h", "secret", SECRET));

        ResponseEntity<Map> off = call(HttpMethod.PUT, school.id() + "/email-notices", Map.of("enabled", false));
        ResponseEntity<Map> removed = call(HttpMethod.DELETE, school.id() + "/webhook", null);

        assertThat(off.getBody()).containsEntry("emailNotices", false);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call(HttpMethod.GET, school.id(), null).getBody().get("webhook")).isNull();
        assertThat(settings.webhook(school.id())).isEmpty();
    }

    @Test
    void anInsecureUrlAndAShortSecretAreRefusedTogetherAndNothingIsStored() {
        School school = givenSchoolWithPupil();

        ResponseEntity<Map> answer = call(HttpMethod.PUT, school.id() + "/webhook",
                Map.of("url", "http://records.example/h", "secret", "short"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
                .extracting(e -> e.get("field")).containsExactlyInAnyOrder("url", "secret");
        assertThat(settings.webhook(school.id())).isEmpty();
    }

    @Test
    void anOrganisationNotInTheDirectoryAnswers404() {
        assertThat(call(HttpMethod.GET, "NO-SUCH-ORG-" + unique(), null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.PUT, "NO-SUCH-ORG-" + unique() + "/email-notices", Map.of("enabled", true))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSecretStoredBeforeSecretsWereEncryptedIsEncryptedAtStartupAndStillSigns() {
        // given a webhook whose secret was stored in plain text (before this version)
        School school = givenSchoolWithPupil();
        jdbc.update("insert into webhook_endpoint (organisation_id, url, secret, active, updated_at)"
                + " values (?, 'https://records.example/h', ?, true, ?)", school.id(), SECRET,
                java.sql.Timestamp.from(clock.instant()));

        // when the service starts
        settings.afterSingletonsInstantiated();

        // then it is held encrypted, and delivery still signs with it
        assertThat(jdbc.queryForObject("select secret from webhook_endpoint where organisation_id = ?", String.class,
                school.id())).startsWith("enc:v1:").doesNotContain(SECRET);
        assertThat(settings.webhook(school.id())).hasValueSatisfying(w -> assertThat(w.secret()).isEqualTo(SECRET));
    }
}
