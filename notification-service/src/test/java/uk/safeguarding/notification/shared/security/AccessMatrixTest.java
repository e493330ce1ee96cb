package uk.safeguarding.notification.shared.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.notification.shared.security.AccessDecision.FORBIDDEN;
import static uk.safeguarding.notification.shared.security.AccessDecision.PERMIT;
import static uk.safeguarding.notification.shared.security.AccessDecision.UNAUTHENTICATED;

/** The access matrix as a table: for each request and role, what the service decides. */
class AccessMatrixTest {

    private final AccessMatrix matrix = AccessMatrix.standard();

    /**
     * Columns: method, path, then the roles allowed ("-" none, "*" every role, "public" even nobody signed in).
     * A person at ORG-A; "ORG-A" in a path is their own organisation, "ORG-B" another.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /inbox/sign-in                                  | public
            POST   | /inbox/sign-in                                  | public
            POST   | /inbox/form-expired                             | public
            GET    | /inbox/inbox.css                                | public
            GET    | /inbox/oauth2/authorization/idp                 | public
            GET    | /inbox/invitation/abc123                        | public
            POST   | /inbox/invitation/abc123                        | public
            GET    | /inbox/invitationX                              | *
            GET    | /error                                          | public
            GET    | /actuator/health                                | public
            GET    | /actuator/health/liveness                       | public
            GET    | /actuator/prometheus                            | public
            POST   | /actuator/prometheus                            | OPERATIONS
            GET    | /actuator/metrics                               | OPERATIONS
            POST   | /actuator/health                                | OPERATIONS
            GET    | /v3/api-docs                                    | *
            GET    | /swagger-ui/index.html                          | *
            GET    | /inbox                                          | *
            GET    | /inbox/alerts/0b7e9f1c-0000-0000-0000-000000000000 | *
            POST   | /inbox/alerts/0b7e9f1c-0000-0000-0000-000000000000/action | *
            GET    | /api/v1/alerts                                  | *
            GET    | /api/v1/alerts/0b7e9f1c-0000-0000-0000-000000000000 | *
            POST   | /api/v1/alerts/0b7e9f1c-0000-0000-0000-000000000000/response | *
            GET    | /api/v1/probation/unanswered                    | OPERATIONS
            GET    | /api/v1/retention                               | OPERATIONS
            POST   | /api/v1/operations/records/skip                 | OPERATIONS
            GET    | /api/v1/operations/email-notices/failed         | OPERATIONS
            GET    | /api/v1/operations/organisations-without-people | OPERATIONS
            GET    | /api/v1/directory/children/C-1                  | DIRECTORY_ADMIN
            POST   | /api/v1/directory/import                        | DIRECTORY_ADMIN
            POST   | /api/v1/directory/people                        | DIRECTORY_ADMIN
            POST   | /api/v1/directory/people/P-1/invitation         | DIRECTORY_ADMIN
            GET    | /api/v1/directory/organisations/ORG-A/people    | DIRECTORY_ADMIN
            PUT    | /api/v1/directory/organisations/ORG-A           | DIRECTORY_ADMIN
            GET    | /api/v1/calendars/schools/ORG-A                 | *
            GET    | /api/v1/calendars/bank-holidays                 | *
            PUT    | /api/v1/calendars/schools/ORG-A                 | DIRECTORY_ADMIN
            DELETE | /api/v1/calendars/bank-holidays/2026-12-28      | DIRECTORY_ADMIN
            PUT    | /api/v1/delivery/organisations/ORG-A/webhook    | KEY_ADULT DIRECTORY_ADMIN
            GET    | /api/v1/delivery/organisations/ORG-A            | KEY_ADULT DIRECTORY_ADMIN
            PUT    | /api/v1/delivery/organisations/ORG-B/webhook    | DIRECTORY_ADMIN
            DELETE | /api/v1/delivery/organisations/ORG-B/webhook    | DIRECTORY_ADMIN
            GET    | /api/v1/breaches                                | OPERATIONS LA_EDUCATION_SAFEGUARDING_LEAD
            GET    | /inbox/breaches                                 | OPERATIONS LA_EDUCATION_SAFEGUARDING_LEAD
            GET    | /api/v1/unresolved                              | UNRESOLVED_CASEWORKER DIRECTORY_ADMIN
            POST   | /api/v1/unresolved/U-1/resolution               | UNRESOLVED_CASEWORKER DIRECTORY_ADMIN
            GET    | /inbox/unresolved                               | UNRESOLVED_CASEWORKER DIRECTORY_ADMIN
            GET    | /inbox/unresolved/U-1                           | UNRESOLVED_CASEWORKER DIRECTORY_ADMIN
            GET    | /api/v1/audit/children/C-1                      | OPERATIONS
            GET    | /inbox/audit                                    | OPERATIONS
            GET    | /api/v1/operations/console                      | OPERATIONS
            POST   | /api/v1/operations/dead-letters/replay          | OPERATIONS
            GET    | /operations                                     | OPERATIONS
            POST   | /operations/dead-letters/replay                 | OPERATIONS
            POST   | /operations/records/skip                        | OPERATIONS
            GET    | /operationsx                                    | -
            GET    | /api/v1/something-new                           | -
            POST   | /api/v2/alerts                                  | -
            GET    | /api                                            | -
            GET    | /                                               | -
            GET    | /API/v1/directory/children/C-1                  | -
            GET    | /anything/else                                  | -
            """)
    void eachRequestIsDecidedByItsLineOfTheTable(String method, String path, String allowed) {
        Set<PersonRole> allowedRoles = switch (allowed) {
            case "public", "*" -> EnumSet.allOf(PersonRole.class);
            case "-" -> EnumSet.noneOf(PersonRole.class);
            default -> EnumSet.copyOf(Arrays.stream(allowed.split(" ")).map(PersonRole::valueOf).toList());
        };

        // nobody signed in
        assertThat(matrix.decide(method, path, null)).as("nobody signed in")
                .isEqualTo(allowed.equals("public") ? PERMIT : UNAUTHENTICATED);

        // each role at ORG-A
        for (PersonRole role : PersonRole.values()) {
            assertThat(matrix.decide(method, path, Caller.of("P-1", "ORG-A", role))).as(role.name())
                    .isEqualTo(allowedRoles.contains(role) ? PERMIT : FORBIDDEN);
        }
    }

    @Test
    void everyLineOfTheApisIsReachedAndTheLastOnesCloseWhatIsNotListed() {
        // the table ends with deny-by-default lines for the APIs and for everything
        var entries = matrix.entries();
        assertThat(entries.get(entries.size() - 1).path()).hasToString("/**");
        assertThat(entries.get(entries.size() - 1).rule()).isInstanceOf(AccessRule.Deny.class);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path()).hasToString("/api/**");
            assertThat(e.rule()).isInstanceOf(AccessRule.Deny.class);
        });
    }

    @Test
    void aKeyAdultMaySetOnlyTheirOwnOrganisationsDeliveryNotAnotherWithASimilarId() {
        Caller keyAdult = Caller.of("P-1", "ORG-A", PersonRole.KEY_ADULT);

        assertThat(matrix.decide("PUT", "/api/v1/delivery/organisations/ORG-A/email-notices", keyAdult)).isEqualTo(PERMIT);
        assertThat(matrix.decide("PUT", "/api/v1/delivery/organisations/ORG-AB/email-notices", keyAdult)).isEqualTo(FORBIDDEN);
        assertThat(matrix.decide("PUT", "/api/v1/delivery/organisations/org-a/email-notices", keyAdult)).isEqualTo(FORBIDDEN);
        // a deputy of the same organisation is not its key adult
        assertThat(matrix.decide("PUT", "/api/v1/delivery/organisations/ORG-A/email-notices",
                Caller.of("P-2", "ORG-A", PersonRole.DEPUTY))).isEqualTo(FORBIDDEN);
    }

    @Test
    void aPersonWithSeveralRolesGetsWhatAnyOfThemAllows() {
        Caller both = Caller.of("P-1", "ORG-A", PersonRole.KEY_ADULT, PersonRole.OPERATIONS);

        assertThat(matrix.decide("GET", "/api/v1/breaches", both)).isEqualTo(PERMIT);
        assertThat(matrix.decide("GET", "/api/v1/directory/children/C-1", both)).isEqualTo(FORBIDDEN);
    }

    @Test
    void pathTemplatesMatchWholeSegmentsAndCaptureVariables() {
        PathTemplate t = PathTemplate.of("/api/v1/delivery/organisations/{organisationId}/**");

        assertThat(t.match("/api/v1/delivery/organisations/ORG-1")).hasValue(Map.of("organisationId", "ORG-1"));
        assertThat(t.match("/api/v1/delivery/organisations/ORG-1/webhook")).hasValue(Map.of("organisationId", "ORG-1"));
        assertThat(t.match("/api/v1/delivery/organisations")).isEmpty();
        assertThat(t.match("/api/v1/delivery/organisationsX/ORG-1")).isEmpty();
        assertThat(PathTemplate.of("/api/v1/breaches/**").match("/api/v1/breachesX")).isEmpty();
        assertThat(PathTemplate.of("/inbox/sign-in").match("/inbox/sign-in/extra")).isEmpty();
    }
}
