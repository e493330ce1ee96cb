package uk.safeguarding.notification.delivery.inbox;

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

import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox in a real headless Chromium (Debian's, driven by Playwright): a key adult signs in, sees their own
 * school's alerts only, opens one and records what they did. Screenshots go to target/screenshots/.
 */
class InboxBrowserTest extends InboxTestSupport {


    private static HeadlessChromium chromium;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    private Scenario scenario;

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
    void givenTwoSchoolsWithAnAlertEach() {
        scenario = givenAnIncidentAlertingTwoSchools();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aKeyAdultSignsInSeesOnlyTheirSchoolsAlertsOpensOneAndRecordsWhatTheyDid() {
        // given the inbox asks an unknown visitor to sign in
        page.navigate(baseUrl() + "/inbox");
        assertThat(page).hasURL(Pattern.compile(".*/inbox/sign-in$"));
        assertThat(page).hasTitle("Sign in – Safeguarding alerts");
        screenshot("01-sign-in");

        // when the key adult signs in
        signIn(scenario.mine().email(), PASSWORD);

        // then they see their own school's alert and not the other school's
        assertThat(page).hasURL(Pattern.compile(".*/inbox(\\?continue)?$"));
        assertThat(page).hasTitle("Your alerts – Safeguarding alerts");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Your alerts");
        Locator table = page.getByRole(AriaRole.TABLE);
        assertThat(table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(scenario.mine().childName())))
                .isVisible();
        assertThat(table).containsText(scenario.policeReference());
        assertThat(table).containsText("New");
        assertThat(page.getByText(scenario.other().childName())).hasCount(0);
        screenshot("02-list");

        // and the other school's alert, asked for by its address, is not found
        Response other = page.navigate(baseUrl() + "/inbox/alerts/" + scenario.other().alertId());
        assertThat(other.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
        assertThat(page.getByText(scenario.other().childName())).hasCount(0);

        // when they open their own alert
        page.navigate(baseUrl() + "/inbox");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(scenario.mine().childName())).click();

        // then it shows what police disclosed, the reminder about parents, and that they opened it
        assertThat(page).hasTitle("Alert about a child – Safeguarding alerts");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(scenario.mine().childName());
        assertThat(page.locator("main")).containsText(asShown(scenario.occurredAt()));
        assertThat(page.locator(".summary-list").first()).containsText("Child present");
        assertThat(page.locator(".summary-list").first()).containsText("Welfare check made");
        assertThat(page.locator("blockquote")).containsText("I hid in my room");
        assertThat(page.locator("main")).containsText("PC Example");
        assertThat(page.locator("main")).containsText("Do not contact the child's parents or carers about this alert");
        assertThat(page.locator(".opened")).containsText("Opened by you (" + scenario.mine().displayName() + ")");
        assertThat(page.locator("main")).not().containsText("1 Example Road");
        screenshot("03-alert");

        // and it links its printable export, which shows the police reference once and is the same alert
        Locator export = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Download a printable copy of this alert (text file)"));
        assertThat(export).hasAttribute("href", "/inbox/alerts/" + scenario.mine().alertId() + "/export");
        String exported = page.request().get(baseUrl() + export.getAttribute("href")).text();
        assertThat(exported).contains("Police reference: TST " + scenario.policeReference(),
                scenario.mine().childName()).doesNotContain("TST TST");

        // and the "Official – sensitive" line is part of the page's banner landmark
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("Official – sensitive");

        // when they send the form without choosing, the error summary takes the focus and links to the choice
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record what you did")).click();
        assertThat(page).hasTitle("Error: Alert about a child – Safeguarding alerts");
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Select what you did about this alert");
        screenshot("04-alert-error");
        summary.getByRole(AriaRole.LINK).click();
        assertThat(page.getByLabel("Spoke to the child")).isFocused();

        // when they record what they did, with a note
        page.getByLabel("Spoke to the child").check();
        page.getByLabel("Note (optional)").fill("Spoke to Ottilie with her class teacher; she is settled.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record what you did")).click();

        // then a success banner shows and the form gives way to what was recorded
        assertThat(page.locator(".banner--success")).containsText("What you did has been recorded");
        assertThat(page.locator("main")).containsText("Spoke to the child");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record what you did")))
                .hasCount(0);
        screenshot("05-alert-actioned");

        // and delivery records who opened it and what they did, with both steps in the event log
        Map<String, Object> row = deliveryRow(scenario.mine().alertId());
        assertThat(row.get("state")).isEqualTo("ACTIONED");
        assertThat(row.get("opened_at")).isNotNull();
        assertThat(row.get("opened_by")).isEqualTo(scenario.mine().personId());
        assertThat(row.get("actioned_by")).isEqualTo(scenario.mine().personId());
        assertThat(row.get("action")).isEqualTo("SPOKE_TO_CHILD");
        assertThat(row.get("action_note")).isEqualTo("Spoke to Ottilie with her class teacher; she is settled.");
        assertThat(deliveryEvents(scenario.mine().alertId())).contains("OPENED:INBOX", "ACTIONED:INBOX");
        assertThat(deliveryRow(scenario.other().alertId()).get("opened_at")).isNull();

        // and the list shows it as actioned
        page.navigate(baseUrl() + "/inbox");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Actioned");
    }

    @Test
    void aWrongPasswordShowsAnAccessibleErrorAndDoesNotSignIn() {
        // given
        page.navigate(baseUrl() + "/inbox/sign-in");

        // when
        signIn(scenario.mine().email(), "not-the-password");

        // then
        assertThat(page).hasURL(Pattern.compile(".*/inbox/sign-in\\?error$"));
        assertThat(page).hasTitle("Error: Sign in – Safeguarding alerts");
        Locator summary = page.getByRole(AriaRole.ALERT);
        assertThat(summary).containsText("There is a problem");
        assertThat(summary).isFocused();
        assertThat(page.getByLabel("Email address")).hasAttribute("aria-describedby", "email-error");
        // and the email they typed is kept, the password never
        assertThat(page.getByLabel("Email address")).hasValue(scenario.mine().email());
        assertThat(page.getByLabel("Password")).hasValue("");
        assertThat(page.content()).doesNotContain("not-the-password");
        screenshot("06-sign-in-error");
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter a correct email address and password")).click();
        assertThat(page.getByLabel("Email address")).isFocused();
        assertThat(page.getByText(scenario.mine().childName())).hasCount(0);
    }

    @Test
    void theSkipLinkComesFirstAndFocusIsClearlyVisible() {
        // given
        page.navigate(baseUrl() + "/inbox/sign-in");

        // when tabbing into the page
        page.keyboard().press("Tab");

        // then the first stop is the skip link, shown in the yellow focus style
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to main content"));
        assertThat(skip).isFocused();
        assertThat(skip).isVisible();
        assertThat(skip.evaluate("e => getComputedStyle(e).backgroundColor")).isEqualTo("rgb(255, 221, 0)");

        // and following it moves on to the main content; the email field shows a focus outline
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*#main-content$"));
        page.getByLabel("Email address").focus();
        assertThat(page.getByLabel("Email address").evaluate("e => getComputedStyle(e).outlineStyle"))
                .isEqualTo("solid");
        assertThat(page.locator("html")).hasAttribute("lang", "en-GB");
    }

    @Test
    void onAPhoneTheListBecomesCardsAndNothingScrollsSideways() {
        // given a phone-sized screen
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("en-GB"));
        page = context.newPage();

        // when
        page.navigate(baseUrl() + "/inbox/sign-in");
        screenshot("07-phone-sign-in");
        signIn(scenario.mine().email(), PASSWORD);

        // then the table's rows are cards with their labels, and the page fits the width
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(scenario.mine().childName())))
                .isVisible();
        assertThat(((Number) page.locator("thead").evaluate("e => e.getBoundingClientRect().height")).doubleValue())
                .as("table head hidden visually, kept for screen readers").isLessThanOrEqualTo(1.0);
        assertThat(page.locator("td[data-label='Status']").first()
                .evaluate("e => getComputedStyle(e, '::before').content")).isEqualTo("\"Status\"");
        assertNoSidewaysScroll();
        screenshot("08-phone-list");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(scenario.mine().childName())).click();
        assertThat(page.locator("blockquote")).containsText("I hid in my room");
        assertNoSidewaysScroll();
        screenshot("09-phone-alert");
    }

    private void signIn(String email, String password) {
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private void assertNoSidewaysScroll() {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
