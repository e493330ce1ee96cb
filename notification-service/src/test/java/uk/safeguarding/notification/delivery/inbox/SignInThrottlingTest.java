package uk.safeguarding.notification.delivery.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing a password is slowed down: after five failures an account is refused, even with the right password. */
class SignInThrottlingTest extends IntegrationTestSupport {

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    @Test
    void afterFiveWrongPasswordsTheAccountIsRefusedWith429AndRetryAfterEvenWithTheRightOne() {
        // given a person with an account, and someone guessing their password five times
        TestDirectory dir = TestDirectory.create(unique());
        given(new uk.safeguarding.notification.routing.directory.DirectoryDocument(dir.organisations(), null, null, null));
        String account = apiAccount(dir.school(), PersonRole.KEY_ADULT);
        for (int i = 0; i < 5; i++) {
            assertThat(anonymousApi().withBasicAuth(account, "guess-" + i).getForEntity("/api/v1/alerts", Map.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        // when the right password is then given
        ResponseEntity<Map> refused = anonymousApi().withBasicAuth(account, API_PASSWORD)
                .getForEntity("/api/v1/alerts", Map.class);

        // then it is refused for now, saying when to try again; another account is not affected
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L + 1);
        assertThat(apiAs(dir.school(), PersonRole.DEPUTY).getForEntity("/api/v1/alerts", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aFailedFormSignInIsCountedTooAndTheSignInPageSaysWhy() {
        TestDirectory dir = TestDirectory.create(unique());
        given(new uk.safeguarding.notification.routing.directory.DirectoryDocument(dir.organisations(), null, null, null));
        String account = apiAccount(dir.school(), PersonRole.KEY_ADULT);
        InboxHttp browser = new InboxHttp("http://localhost:" + port);
        for (int i = 0; i < 5; i++) {
            assertThat(InboxHttp.location(browser.signIn(account, "guess-" + i))).endsWith("/inbox/sign-in?error");
        }
        assertThat(InboxHttp.location(browser.signIn(account, API_PASSWORD))).contains("/inbox/sign-in?throttled=");
        assertThat(browser.get("/inbox/sign-in?throttled=15").body()).contains("Too many failed attempts");
    }
}
