package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.testkit.HeadlessChromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.time.Duration;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit page in a real headless Chromium: operations looks a child up and sees who has seen what, and when. */
class AuditPageBrowserTest extends InboxTestSupport {

    private static HeadlessChromium chromium;
    private static Browser browser;

    private BrowserContext context;

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

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void operationsLooksAChildUpAndSeesEveryDisclosureNewestFirst() {
        // given a routed incident, the school's key adult has opened the alert, and an operations person
        Scenario scenario = givenAnIncidentAlertingTwoSchools();
        String childId = jdbc.queryForObject("select child_id from alert_ledger where alert_id = ?", String.class,
                scenario.mine().alertId());
        InboxHttp keyAdult = new InboxHttp(baseUrl());
        keyAdult.signIn(scenario.mine().email(), PASSWORD);
        keyAdult.get("/inbox/alerts/" + scenario.mine().alertId());
        String email = "ops-" + unique() + "@operations.example";
        jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                        + " values (?, ?, ?, ?, ?, ?)", "T-P-" + unique(), scenario.mine().organisationId(),
                "Oriel Opsworth", email, PersonRole.OPERATIONS.name(), passwordEncoder.encode(PASSWORD));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from disclosure_audit where child_id = ? and action = 'ALERT_OPENED'", Integer.class,
                childId) == 1);

        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        Page page = context.newPage();
        page.navigate(baseUrl() + "/inbox/audit");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox/audit(\\?continue)?$"));
        assertThat(page).hasTitle("Who has seen what about a child – Safeguarding alerts");

        // when they look the child up by id
        page.getByLabel("Child's directory id").fill(childId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show disclosures")).click();

        // then every disclosure shows, newest first: the opening by the key adult at the top
        assertThat(page).hasURL(Pattern.compile(".*/inbox/audit\\?child=" + childId + "$"));
        assertThat(page.locator("#audit-summary")).hasText("8 disclosures about " + childId);
        Locator rows = page.locator("tr.audit-entry");
        assertThat(rows).hasCount(8);
        assertThat(rows.first()).containsText("Alert opened");
        assertThat(rows.first()).containsText(scenario.mine().personId());
        assertThat(rows.first()).containsText(scenario.mine().displayName());
        assertThat(rows.first()).containsText("Test Primary School");
        assertThat(rows.first()).containsText("voiceOfChild");
        assertThat(rows.first()).containsText("Policy 2026-11-1");
        assertThat(page.locator("table")).containsText("Alert sent");
        assertThat(page.locator("table")).containsText("Alert delivered");
        assertThat(page.locator("table")).containsText("Directory match");
        assertThat(page.locator("table")).containsText("Test Surgery");
        assertThat(page.locator("main")).not().containsText(scenario.mine().childName());
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("10-audit.png"))
                .setFullPage(true));
    }
}
