package uk.safeguarding.notification.shared.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestTokens;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.demo.DemoDirectory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APIs, actuator and API docs over plain HTTP: who gets in (HTTP Basic with a local account, a bearer token from
 * the identity provider), what the refused see (problem+json 401/403), and the headers every answer carries.
 */
class ApiAccessTest extends IntegrationTestSupport {

    private static final String SCHOOL = DemoDirectory.PRIMARY_SCHOOLS.get(0);

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anApiCallWithoutCredentialsAnswers401ProblemJsonNamingTheWaysToSignIn() {
        // when
        HttpResponse<String> response = get("/api/v1/directory/children/C-0001", null);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401", "\"title\":\"Unauthorized\"");
        assertThat(response.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).startsWith("Basic"))
                .anySatisfy(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aWrongPasswordAndAnUnknownPersonAnswer401Alike() {
        // given
        String email = apiAccount(DemoDirectory.LOCAL_AUTHORITY, PersonRole.DIRECTORY_ADMIN);

        // when
        HttpResponse<String> wrongPassword = get("/api/v1/directory/children/C-0001", basic(email, "not-it"));
        HttpResponse<String> unknown = get("/api/v1/directory/children/C-0001", basic("nobody@test.example", "x"));

        // then
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknown.body());
    }

    @Test
    void aSignedInPersonWithoutTheRoleAnswers403ProblemJson() {
        // given a school's key adult
        String keyAdult = basic(apiAccount(SCHOOL, PersonRole.KEY_ADULT), API_PASSWORD);

        // when
        HttpResponse<String> directory = get("/api/v1/directory/children/C-0001", keyAdult);
        HttpResponse<String> breaches = get("/api/v1/breaches", keyAdult);
        HttpResponse<String> unresolved = get("/api/v1/unresolved", keyAdult);
        HttpResponse<String> calendarWrite = send("PUT", "/api/v1/calendars/bank-holidays/2031-12-29", keyAdult,
                "{\"name\":\"Extra day\"}");

        // then
        for (HttpResponse<String> r : List.of(directory, breaches, unresolved, calendarWrite)) {
            assertThat(r.statusCode()).as(r.uri().getPath()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("application/problem+json"));
            assertThat(r.body()).contains("\"status\":403");
        }
        // and reading calendars is open to anyone signed in
        assertThat(get("/api/v1/calendars/bank-holidays", keyAdult).statusCode()).isEqualTo(200);
    }

    @Test
    void eachRoleReachesItsOwnApis() {
        assertThat(get("/api/v1/breaches", basic(apiAccount(SCHOOL, PersonRole.OPERATIONS), API_PASSWORD))
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/breaches", basic(apiAccount(DemoDirectory.LOCAL_AUTHORITY,
                PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD), API_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/unresolved", basic(apiAccount(DemoDirectory.LOCAL_AUTHORITY,
                PersonRole.UNRESOLVED_CASEWORKER), API_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/directory/organisations/" + SCHOOL, basic(apiAccount(DemoDirectory.LOCAL_AUTHORITY,
                PersonRole.DIRECTORY_ADMIN), API_PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyAdultSetsTheirOwnOrganisationsDeliveryButNotAnothers() {
        // given
        String keyAdult = basic(apiAccount(SCHOOL, PersonRole.KEY_ADULT), API_PASSWORD);
        String otherSchool = DemoDirectory.PRIMARY_SCHOOLS.get(1);

        // when
        HttpResponse<String> own = get("/api/v1/delivery/organisations/" + SCHOOL, keyAdult);
        HttpResponse<String> other = get("/api/v1/delivery/organisations/" + otherSchool, keyAdult);
        HttpResponse<String> otherWrite = send("PUT", "/api/v1/delivery/organisations/" + otherSchool
                + "/email-notices", keyAdult, "{\"enabled\":false}");

        // then
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(otherWrite.statusCode()).isEqualTo(403);
    }

    @Test
    void anApiThatIsNotInTheAccessMatrixIsClosedEvenToEveryRole() {
        for (PersonRole role : PersonRole.values()) {
            HttpResponse<String> r = get("/api/v1/not-yet-secured", basic(apiAccount(SCHOOL, role), API_PASSWORD));
            assertThat(r.statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(get("/api/v1/not-yet-secured", null).statusCode()).isEqualTo(401);
    }

    @Test
    void healthIsOpenOtherActuatorEndpointsNeedOperationsAndApiDocsNeedSignIn() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", basic(apiAccount(SCHOOL, PersonRole.KEY_ADULT), API_PASSWORD))
                .statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", basic(apiAccount(SCHOOL, PersonRole.OPERATIONS), API_PASSWORD))
                .statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", basic(apiAccount(SCHOOL, PersonRole.DEPUTY), API_PASSWORD)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersAndNoSessionCookie() {
        // given
        String keyAdult = basic(apiAccount(SCHOOL, PersonRole.KEY_ADULT), API_PASSWORD);

        // when
        HttpResponse<String> ok = get("/api/v1/alerts", keyAdult);
        HttpResponse<String> refused = get("/api/v1/alerts", null);

        // then
        for (HttpResponse<String> r : List.of(ok, refused)) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aJsonPostWithBasicAuthNeedsNoCsrfToken() {
        // given
        String admin = basic(apiAccount(DemoDirectory.LOCAL_AUTHORITY, PersonRole.DIRECTORY_ADMIN), API_PASSWORD);

        // when: an invalid organisation, so nothing is created, but the request reaches the controller
        HttpResponse<String> post = send("POST", "/api/v1/directory/organisations", admin, "{\"id\":\"\"}");

        // then
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("Invalid input");
    }

    @Test
    void aBearerTokenFromTheIdentityProviderSignsInThePersonAtTheOrganisationItNames() {
        // given a key adult's token for the school
        String token = "Bearer " + TestTokens.token("kc-" + unique(), SCHOOL, PersonRole.KEY_ADULT);

        // when
        HttpResponse<String> alerts = get("/api/v1/alerts", token);
        HttpResponse<String> directory = get("/api/v1/directory/children/C-0001", token);

        // then the organisation comes from the token; the role does not open the directory
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(alerts.body()).contains("\"organisationId\":\"" + SCHOOL + "\"");
        assertThat(directory.statusCode()).isEqualTo(403);
        // and a directory admin's token does
        assertThat(get("/api/v1/directory/organisations/" + SCHOOL, "Bearer " + TestTokens.token("kc-" + unique(),
                DemoDirectory.LOCAL_AUTHORITY, PersonRole.DIRECTORY_ADMIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredForgedOrIncompleteTokensAnswer401() {
        String subject = "kc-" + unique();
        List<String> tokens = List.of(
                TestTokens.expiredToken(subject, SCHOOL, PersonRole.KEY_ADULT),
                TestTokens.forgedToken(subject, SCHOOL, PersonRole.KEY_ADULT),
                TestTokens.tokenWithClaims(Map.of("sub", subject, "roles", List.of("KEY_ADULT"))),
                TestTokens.tokenWithClaims(Map.of("sub", subject, "org", SCHOOL, "roles", List.of("SUPERUSER"))),
                "not-a-token");

        for (String token : tokens) {
            HttpResponse<String> r = get("/api/v1/alerts", "Bearer " + token);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("application/problem+json"));
            assertThat(r.body()).doesNotContain(SCHOOL);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
