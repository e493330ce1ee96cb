package uk.safeguarding.ingest.api;

import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.access.AccessProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Which token URL the OpenAPI document and the documentation page name for the client-credentials flow. */
class ApiDocumentationTest {

    @Test
    void configuredTokenUrlIsNamedAsItIs() {
        AccessProperties.Auth auth = new AccessProperties.Auth();
        auth.setIssuer("https://login.example/realms/police");

        assertThat(ApiDocumentation.tokenUrl("https://login.example/realms/police/protocol/openid-connect/token", auth))
                .isEqualTo("https://login.example/realms/police/protocol/openid-connect/token");
    }

    @Test
    void withoutOneTheLocalIssuersOwnEndpointIsNamedInTheLocalRun() {
        AccessProperties.Auth auth = new AccessProperties.Auth();
        auth.getLocalIssuer().setEnabled(true);

        assertThat(ApiDocumentation.tokenUrl("", auth)).isEqualTo("/oauth2/token");
    }

    @Test
    void withoutOneTheIssuersTokenEndpointIsNamedOtherwise() {
        AccessProperties.Auth auth = new AccessProperties.Auth();
        auth.setIssuer("https://login.example/realms/police/");

        assertThat(ApiDocumentation.tokenUrl(null, auth)).isEqualTo("https://login.example/realms/police/oauth2/token");
    }
}
