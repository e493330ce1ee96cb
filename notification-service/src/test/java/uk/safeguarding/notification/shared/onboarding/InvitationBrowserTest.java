package uk.safeguarding.notification.shared.onboarding;

import uk.safeguarding.testkit.HeadlessChromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.delivery.dispatch.TestMailServer;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.testkit.Axe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new key adult's first sign-in, in a real headless Chromium: the directory admin adds them, the invitation email
 * carries only a link, the link's page lets them choose a password (its mistakes shown the GOV.UK way), they sign in
 * with it, and the link then says it has been used. Each page state is checked with axe-core: no serious or critical
 * finding. Screenshots in target/screenshots/.
 */
class InvitationBrowserTest extends IntegrationTestSupport {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/inbox/invitation/[A-Za-z0-9_-]{43})");

    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    private int port;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startChromium() {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aNewKeyAdultChoosesTheirPasswordFromTheEmailedLinkSignsInAndTheLinkThenStopsWorking() {
        // given a school in the directory and its new key adult, added by the directory admin
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        given(new DirectoryDocument(dir.organisations(), null, null, null));
        String email = "dsl-" + token + "@test-school.example";
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> created = api(PersonRole.DIRECTORY_ADMIN).exchange(
                "/api/v1/directory/people", HttpMethod.POST, new HttpEntity<>(new DirectoryDocument.Person(
                        "T-P-NEW-" + token, dir.school(), "Imogen Testwell", email, PersonRole.KEY_ADULT), json),
                new ParameterizedTypeReference<>() {
                });
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // when they follow the link in their email
        String body = TestMailServer.body(await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.messagesTo(email), m -> !m.isEmpty()).get(0));
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String invitation = "http://localhost:" + port + link.group(1).substring(link.group(1).indexOf("/inbox/"));
        Response opened = page.navigate(invitation);

        // then the page asks them to choose a password, for their email address, and passes axe
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page).hasTitle("Choose your password – Safeguarding alerts");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Choose your password");
        assertThat(page.locator("main")).containsText(email);
        assertThat(page.locator("main")).containsText("Test Primary School");
        assertThat(newPassword()).hasAttribute("autocomplete", "new-password");
        assertThat(newPassword()).hasAttribute("aria-describedby", "password-hint");
        Axe.assertNoSeriousOrCriticalViolations(page, "the invitation page");
        screenshot("20-invitation");

        // when they choose a common password and mistype the confirmation
        newPassword().fill("Password2026!");
        page.getByLabel("Confirm your new password").fill("Password2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my password")).click();

        // then the error summary takes the focus, names both problems and links to the fields; the form passes axe
        assertThat(page).hasTitle("Error: Choose your password – Safeguarding alerts");
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Choose a password that is harder to guess");
        assertThat(summary).containsText("Enter the same password in both boxes");
        assertThat(newPassword()).hasAttribute("aria-describedby", "password-hint password-error");
        assertThat(newPassword()).hasValue("");
        assertThat(page.content()).doesNotContain("Password2026");
        Axe.assertNoSeriousOrCriticalViolations(page, "the invitation page with errors");
        screenshot("21-invitation-errors");
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter the same password in both boxes"))
                .click();
        assertThat(page.getByLabel("Confirm your new password")).isFocused();
        assertThat(jdbc.queryForObject("select password_hash from person where id = ?", String.class,
                "T-P-NEW-" + token)).isNull();

        // when they choose a good one
        newPassword().fill("plum ladder otter sky");
        page.getByLabel("Confirm your new password").fill("plum ladder otter sky");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my password")).click();

        // then they are asked to sign in, told the password is set
        assertThat(page).hasURL(Pattern.compile(".*/inbox/sign-in\\?password-set$"));
        assertThat(page.locator(".banner--success")).containsText("Your password has been set");
        Axe.assertNoSeriousOrCriticalViolations(page, "the sign-in page after choosing a password");
        screenshot("22-password-set");

        // and they sign in with it, to their school's inbox
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill("plum ladder otter sky");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox(\\?continue)?$"));
        assertThat(page.locator("header")).containsText("Imogen Testwell");
        assertThat(page.locator("header")).containsText("Test Primary School");

        // when the link is opened again
        Response again = page.navigate(invitation);

        // then it says it has been used, offers to sign in, and changes nothing
        assertThat(again.status()).isEqualTo(410);
        assertThat(page).hasTitle("This link has already been used – Safeguarding alerts");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(newPassword()).hasCount(0);
        Axe.assertNoSeriousOrCriticalViolations(page, "the used invitation page");
        screenshot("23-invitation-used");
    }

    @Test
    void anExpiredLinkSaysSoAndWhatToDo() {
        // given an invitation whose week has passed
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        given(new DirectoryDocument(dir.organisations(), null, null, List.of(), List.of(new DirectoryDocument.Person(
                "T-P-EXP-" + token, dir.gp(), "Dr Ada Testwell", "gp-" + token + "@test.example", PersonRole.DEPUTY))));
        String body = TestMailServer.body(await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.messagesTo("gp-" + token + "@test.example"), m -> !m.isEmpty()).get(0));
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        jdbc.update("update person_invitation set expires_at = created_at - interval '1 second' where person_id = ?",
                "T-P-EXP-" + token);

        // when it is opened
        Response opened = page.navigate("http://localhost:" + port
                + link.group(1).substring(link.group(1).indexOf("/inbox/")));

        // then
        assertThat(opened.status()).isEqualTo(410);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("This link has expired");
        assertThat(page.locator("main")).containsText("send you a new invitation");
        Axe.assertNoSeriousOrCriticalViolations(page, "the expired invitation page");
        screenshot("24-invitation-expired");
    }

    /** "New password", not "Confirm your new password" (labels match by substring unless exact). */
    private Locator newPassword() {
        return page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true));
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
