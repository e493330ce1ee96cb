package uk.safeguarding.ingest.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForceScopesTest {

    private static final String PREFIX = "incidents:submit:";

    @Test
    void forcesAreReadFromASpaceSeparatedScopeString() {
        assertThat(ForceScopes.forceCodes("openid incidents:submit:WMP incidents:submit:GMP profile", PREFIX))
                .containsExactly("WMP", "GMP");
    }

    @Test
    void forcesAreReadFromAnArrayOfScopesOrRoles() {
        assertThat(ForceScopes.forceCodes(List.of("incidents:submit:BTP", "incidents:read"), PREFIX))
                .containsExactly("BTP");
    }

    @Test
    void scopesThatAreNotAForceCodeGiveNoForce() {
        assertThat(ForceScopes.forceCodes("incidents:submit:* incidents:submit:wmp incidents:submit: incidents:submit:W",
                PREFIX)).isEmpty();
        assertThat(ForceScopes.forceCodes(null, PREFIX)).isEmpty();
        assertThat(ForceScopes.forceCodes(42, PREFIX)).isEmpty();
    }
}
