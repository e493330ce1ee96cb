package uk.safeguarding.ingest.access;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import uk.safeguarding.ingest.support.TestIssuer;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenVerifierTest {

    private static final List<String> CLIENT_ID_CLAIMS = List.of("client_id", "azp", "sub");

    @Test
    void aValidTokenNamesItsClientAndForces() throws Exception {
        BearerTokenVerifier verifier = verifierWithKeysAt(TestIssuer.get().jwkSetUri());

        PoliceClient client = verifier.verify("Bearer " + TestIssuer.get().tokenFor("wmp-system", "WMP", "BTP"));

        assertThat(client.clientId()).isEqualTo("wmp-system");
        assertThat(client.forceCodes()).containsExactlyInAnyOrder("WMP", "BTP");
    }

    @Test
    void noHeaderIsRejectedWithoutSayingATokenWasPresented() {
        BearerTokenVerifier verifier = verifierWithKeysAt(TestIssuer.get().jwkSetUri());

        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOfSatisfying(BearerTokenVerifier.Rejected.class,
                r -> assertThat(r.tokenPresented()).isFalse());
        assertThatThrownBy(() -> verifier.verify("Bearer ")).isInstanceOf(BearerTokenVerifier.Rejected.class);
    }

    @Test
    void unreachableIssuerKeysAreTheServicesProblemNotTheClients() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        BearerTokenVerifier verifier = verifierWithKeysAt("http://localhost:" + closed + "/jwks");

        assertThatThrownBy(() -> verifier.verify("Bearer " + TestIssuer.get().tokenFor("wmp-system", "WMP")))
                .isInstanceOf(BearerTokenVerifier.IssuerUnavailable.class);
    }

    private static BearerTokenVerifier verifierWithKeysAt(String jwkSetUri) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).validateType(false).build();
        decoder.setJwtValidator(AccessConfiguration.validator(TestIssuer.ISSUER, TestIssuer.AUDIENCE, Duration.ofSeconds(60),
                TestClock.clock()));
        return new BearerTokenVerifier(decoder, "scope", "incidents:submit:", CLIENT_ID_CLAIMS);
    }
}
