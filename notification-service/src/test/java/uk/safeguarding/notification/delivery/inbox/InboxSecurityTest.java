package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.demo.DemoSignIns;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox over plain HTTP, where a browser adds nothing: sign-in, CSRF, headers, who sees what, validation. */
class InboxSecurityTest extends InboxTestSupport {

    private Scenario scenario;
    private InboxHttp http;

    @BeforeEach
    void givenTwoSchoolsWithAnAlertEach() {
        scenario = givenAnIncidentAlertingTwoSchools();
        http = new InboxHttp(baseUrl());
    }

    @Test
    void anUnauthenticatedRequestToTheInboxRedirectsToSignIn() {
        // when
        HttpResponse<String> list = http.get("/inbox");
        HttpResponse<String> alert = http.get("/inbox/alerts/" + scenario.mine().alertId());

        // then
        assertThat(list.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(list)).endsWith("/inbox/sign-in");
        assertThat(alert.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(alert)).endsWith("/inbox/sign-in");
        assertThat(alert.body()).doesNotContain(scenario.mine().childName());
    }

    @Test
    void signingInFromALinkToAnAlertLandsOnThatAlert() {
        // given someone following the e-mailed link before signing in
        String path = "/inbox/alerts/" + scenario.mine().alertId();
        http.get(path);

        // when
        HttpResponse<String> signIn = http.signIn(scenario.mine().email(), PASSWORD);

        // then
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(signIn)).contains(path);
    }

    @Test
    void inboxPagesCarryTheSecurityHeaders() {
        // when
        HttpResponse<String> page = http.get("/inbox/sign-in");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                        "form-action 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "http:", "https:", "*"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        // given the sign-in page was loaded (a session and token exist), but the token is not sent back
        http.get("/inbox/sign-in");

        // when
        HttpResponse<String> signIn = http.postForm("/inbox/sign-in",
                Map.of("email", scenario.mine().email(), "password", PASSWORD));

        // then: refused, saying what happened, and still not signed in
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.body()).contains("Your form was not sent").contains("Nothing was changed");
        assertThat(http.get("/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void anActionPostedWithoutTheCsrfTokenIsRefusedAndNothingIsRecorded() {
        // given a signed-in key adult who has opened the alert
        http.signIn(scenario.mine().email(), PASSWORD);
        UUID alertId = scenario.mine().alertId();
        assertThat(http.get("/inbox/alerts/" + alertId).statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> post = http.postForm("/inbox/alerts/" + alertId + "/action",
                Map.of("action", "NO_ACTION", "note", "forged"));

        // then
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(deliveryRow(alertId).get("action")).isNull();
        assertThat(deliveryEvents(alertId)).noneMatch(e -> e.startsWith("ACTIONED"));
    }

    @Test
    void aWrongPasswordSendsBackToSignInWithAnError() {
        // when
        HttpResponse<String> signIn = http.signIn(scenario.mine().email(), "not-the-password");

        // then
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(signIn)).endsWith("/inbox/sign-in?error");
        HttpResponse<String> page = http.get("/inbox/sign-in?error");
        assertThat(page.body()).contains("<title>Error: Sign in", "There is a problem",
                "href=\"#email\"", "aria-describedby=\"email-error\"");
        assertThat(http.get("/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void anotherOrganisationsAlertAndAnUnknownAlertAnswerNotFoundAlike() {
        // given
        http.signIn(scenario.mine().email(), PASSWORD);

        // when
        HttpResponse<String> others = http.get("/inbox/alerts/" + scenario.other().alertId());
        HttpResponse<String> unknown = http.get("/inbox/alerts/" + UUID.randomUUID());
        HttpResponse<String> malformed = http.get("/inbox/alerts/not-an-alert");

        // then
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(others.body()).contains("Page not found").doesNotContain(scenario.other().childName());
        assertThat(withoutCsrfToken(others.body())).isEqualTo(withoutCsrfToken(unknown.body()));
        // and the other school's alert was not opened by looking
        assertThat(deliveryRow(scenario.other().alertId()).get("opened_at")).isNull();
        assertThat(http.postFormWithCsrf("/inbox", "/inbox/alerts/" + scenario.other().alertId() + "/action",
                Map.of("action", "NO_ACTION")).statusCode()).isEqualTo(404);
        assertThat(deliveryRow(scenario.other().alertId()).get("action")).isNull();
    }

    @Test
    void theListShowsOnlyTheOrganisationsOwnAlerts() {
        // given
        http.signIn(scenario.mine().email(), PASSWORD);

        // when
        HttpResponse<String> list = http.get("/inbox");

        // then
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(scenario.mine().childName(), "/inbox/alerts/" + scenario.mine().alertId())
                .doesNotContain(scenario.other().childName(), scenario.other().alertId().toString());
    }

    @Test
    void recordingAnActionNeedsAChoiceAndANoteOfAtMostTwoThousandCharacters() {
        // given
        http.signIn(scenario.mine().email(), PASSWORD);
        String page = "/inbox/alerts/" + scenario.mine().alertId();
        String action = page + "/action";

        // when
        HttpResponse<String> noChoice = http.postFormWithCsrf(page, action, Map.of("note", "spoke to class teacher"));
        HttpResponse<String> unknownChoice = http.postFormWithCsrf(page, action, Map.of("action", "SHRUGGED"));
        HttpResponse<String> longNote = http.postFormWithCsrf(page, action,
                Map.of("action", "MONITORING", "note", "x".repeat(2001)));

        // then
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("<title>Error: ", "There is a problem",
                "href=\"#action-SPOKE_TO_CHILD\"", "Select what you did about this alert", "spoke to class teacher");
        assertThat(unknownChoice.statusCode()).isEqualTo(400);
        assertThat(longNote.statusCode()).isEqualTo(400);
        assertThat(longNote.body()).contains("href=\"#note\"", "The note must be 2,000 characters or fewer");
        assertThat(deliveryRow(scenario.mine().alertId()).get("action")).isNull();
    }

    @Test
    void anActionIsRecordedOnceAndASecondAnswerDoesNotOverwriteIt() {
        // given
        http.signIn(scenario.mine().email(), PASSWORD);
        String page = "/inbox/alerts/" + scenario.mine().alertId();
        HttpResponse<String> first = http.postFormWithCsrf(page, page + "/action",
                Map.of("action", "MONITORING", "note", "  Class teacher told.  "));
        assertThat(first.statusCode()).isEqualTo(302);

        // when
        HttpResponse<String> second = http.postForm(page + "/action", Map.of("action", "NO_ACTION",
                "_csrf", InboxHttp.csrfToken(http.get(page).body())));

        // then
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("Monitoring in school", "Class teacher told.");
        Map<String, Object> row = deliveryRow(scenario.mine().alertId());
        assertThat(row.get("action")).isEqualTo("MONITORING");
        assertThat(row.get("action_note")).isEqualTo("Class teacher told.");
    }

    @Test
    void signingOutEndsTheSession() {
        // given
        http.signIn(scenario.mine().email(), PASSWORD);
        assertThat(http.get("/inbox").statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> out = http.postFormWithCsrf("/inbox", "/inbox/sign-out", Map.of());

        // then
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(out)).endsWith("/inbox/sign-in?signed-out");
        assertThat(http.get("/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void aPersonWhoseRoleChangesAfterSigningInIsHeldToTheNewRoleAtOnce() {
        // given a key adult, signed in, made operations: the breaches page opens
        http.signIn(scenario.mine().email(), PASSWORD);
        jdbc.update("update person set role = 'OPERATIONS' where id = ?", scenario.mine().personId());
        assertThat(http.get("/inbox/breaches").statusCode()).isEqualTo(200);

        // when the role is taken back, within the same session
        jdbc.update("update person set role = 'KEY_ADULT' where id = ?", scenario.mine().personId());

        // then the page is not found for them any more
        assertThat(http.get("/inbox/breaches").statusCode()).isEqualTo(404);
    }

    @Test
    void aPersonRemovedAfterSigningInIsSentToSignInAndSeesNothing() {
        // given a signed-in key adult
        http.signIn(scenario.mine().email(), PASSWORD);
        assertThat(http.get("/inbox").statusCode()).isEqualTo(200);

        // when their account is removed
        jdbc.update("delete from person where id = ?", scenario.mine().personId());

        // then their session no longer shows anything
        HttpResponse<String> list = http.get("/inbox");
        HttpResponse<String> alert = http.get("/inbox/alerts/" + scenario.mine().alertId());
        assertThat(list.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(list)).contains("/inbox/sign-in");
        assertThat(alert.statusCode()).isEqualTo(302);
        assertThat(alert.body()).doesNotContain(scenario.mine().childName());
    }

    @Test
    void theDemoAccountsOfOperationsDirectoryAdminAndUnresolvedCaseworkerSignInWhereTheyWork() {
        for (uk.safeguarding.notification.shared.security.PersonRole role : List.of(
                uk.safeguarding.notification.shared.security.PersonRole.OPERATIONS,
                uk.safeguarding.notification.shared.security.PersonRole.DIRECTORY_ADMIN,
                uk.safeguarding.notification.shared.security.PersonRole.UNRESOLVED_CASEWORKER)) {
            DemoSignIns.SignIn account = DemoSignIns.list().stream().filter(s -> s.role() == role).findFirst()
                    .orElseThrow();
            // operations at the platform's own organisation, which receives no alerts; the others at the local authority
            assertThat(account.organisationId()).isEqualTo(
                    role == uk.safeguarding.notification.shared.security.PersonRole.OPERATIONS
                            ? uk.safeguarding.notification.demo.DemoDirectory.PLATFORM_OPERATIONS
                            : uk.safeguarding.notification.demo.DemoDirectory.LOCAL_AUTHORITY);
            InboxHttp session = new InboxHttp(baseUrl());
            // each lands on their work: operations on the console, the caseworker on the working list, the directory
            // admin on the inbox
            String landing = switch (role) {
                case OPERATIONS -> "/operations";
                case UNRESOLVED_CASEWORKER -> "/inbox/unresolved";
                default -> "/inbox";
            };
            assertThat(InboxHttp.location(session.signIn(account.email(), DemoSignIns.PASSWORD))).as(role.name())
                    .endsWith(landing);
            assertThat(session.get(landing).statusCode()).as(role.name()).isEqualTo(200);
        }
    }

    @Test
    void theDemoAccountsAreSeededHashedAndSignInWithTheDocumentedPassword() {
        // given the demo directory (this context runs with notification.demo-directory=true)
        String hash = jdbc.queryForObject("select password_hash from person where email = ?", String.class,
                "dsl@oakfield-primary-school.example");

        // then the password is kept only as a BCrypt hash
        assertThat(hash).startsWith("$2").doesNotContain(DemoSignIns.PASSWORD);
        assertThat(passwordEncoder.matches(DemoSignIns.PASSWORD, hash)).isTrue();

        // and the demo key adult can sign in and sees their school's inbox
        HttpResponse<String> signIn = http.signIn("dsl@oakfield-primary-school.example", DemoSignIns.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(InboxHttp.location(signIn)).endsWith("/inbox");
        assertThat(http.get("/inbox").body()).contains("Oakfield Primary School", "Your alerts");
    }

    private static String withoutCsrfToken(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
