package uk.safeguarding.notification.shared.security;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsTest {

    private final TokenClaims claims = new TokenClaims("org", "roles");

    @Test
    void aTokenNamingAnOrganisationAndRolesSignsInThatPersonThere() {
        // when
        var person = claims.read(Map.of("sub", "u-123", "org", "ORG-SCH-01", "roles", List.of("KEY_ADULT", "deputy"),
                "name", "Invented Person", "email", "invented@school.example"));

        // then
        assertThat(person).hasValueSatisfying(p -> {
            assertThat(p.caller().personId()).isEqualTo("idp:u-123");
            assertThat(p.caller().organisationId()).isEqualTo("ORG-SCH-01");
            assertThat(p.caller().roles()).containsExactlyInAnyOrder(PersonRole.KEY_ADULT, PersonRole.DEPUTY);
            assertThat(p.displayName()).isEqualTo("Invented Person");
        });
    }

    @Test
    void rolesMayComeAsOneStringWithPrefixesAndDashes() {
        assertThat(TokenClaims.roles("ROLE_OPERATIONS directory-admin,unknown"))
                .containsExactlyInAnyOrder(PersonRole.OPERATIONS, PersonRole.DIRECTORY_ADMIN);
    }

    @Test
    void aTokenWithoutOrganisationOrKnownRoleSignsNobodyIn() {
        assertThat(claims.read(Map.of("sub", "u-1", "roles", List.of("KEY_ADULT")))).isEmpty();
        assertThat(claims.read(Map.of("sub", "u-1", "org", "ORG-1", "roles", List.of("ADMIN")))).isEmpty();
        assertThat(claims.read(Map.of("sub", "u-1", "org", "ORG-1"))).isEmpty();
        assertThat(claims.read(Map.of("org", "ORG-1", "roles", "KEY_ADULT"))).isEmpty();
    }

    @Test
    void theClaimNamesAreConfigurable() {
        TokenClaims custom = new TokenClaims("https://safeguarding.example/org", "groups");

        assertThat(custom.read(Map.of("sub", "u-1", "https://safeguarding.example/org", "ORG-9",
                "groups", List.of("OPERATIONS")))).hasValueSatisfying(p ->
                assertThat(p.caller().organisationId()).isEqualTo("ORG-9"));
    }
}
