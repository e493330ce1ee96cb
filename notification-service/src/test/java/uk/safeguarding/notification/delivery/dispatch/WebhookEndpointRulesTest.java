package uk.safeguarding.notification.delivery.dispatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointRulesTest {

    static final String SECRET = "s".repeat(WebhookEndpointRules.MIN_SECRET_LENGTH);

    @Test
    void anHttpsEndpointWithALongSecretIsAccepted() {
        assertThat(WebhookEndpointRules.problems("https://records.school.example/hooks/safeguarding", SECRET)).isEmpty();
    }

    @Test
    void plainHttpIsRefusedExceptToThisMachine() {
        assertThat(WebhookEndpointRules.problems("http://records.school.example/hook", SECRET))
                .extracting(WebhookEndpointRules.Problem::field).containsExactly("url");
        assertThat(WebhookEndpointRules.problems("http://localhost:9000/hook", SECRET)).isEmpty();
        assertThat(WebhookEndpointRules.problems("http://127.0.0.1:9000/hook", SECRET)).isEmpty();
    }

    @Test
    void credentialsInTheUrlARelativeUrlAndAShortSecretAreEachNamed() {
        assertThat(WebhookEndpointRules.problems("https://user:pw@records.school.example/hook", SECRET))
                .extracting(WebhookEndpointRules.Problem::message).anyMatch(m -> m.contains("credentials"));
        assertThat(WebhookEndpointRules.problems("/hook", "short"))
                .extracting(WebhookEndpointRules.Problem::field).containsExactly("url", "secret");
        assertThat(WebhookEndpointRules.problems(" ", null))
                .extracting(WebhookEndpointRules.Problem::field).containsExactly("url", "secret");
    }
}
