package uk.safeguarding.notification.operations;

import uk.safeguarding.testkit.HeadlessChromium;
import uk.safeguarding.testkit.Axe;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.demo.DemoSignIns;
import uk.safeguarding.notification.shared.consumers.DeadLetters;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations console in a real headless Chromium (Debian's, driven by Playwright): operations sign in, land on
 * the console, see a dead letter and replay it, on a desktop and on a 375 px phone, with no serious or critical
 * finding of axe-core. Screenshots go to target/screenshots/ (kept by CI as artifacts).
 */
class OperationsConsoleBrowserTest extends IntegrationTestSupport {


    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

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

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void onADesktopOperationsLandOnTheConsoleSeeADeadLetterAndReplayIt() {
        // given an unreadable record dead-lettered by the incidents consumer
        String position = givenADeadLetter();

        // when operations sign in
        open(1280, 900, false);
        signIn(DemoSignIns.OPERATIONS_EMAIL, DemoSignIns.PASSWORD);

        // then they land on the console, which lists the dead letter with a button to replay it
        assertThat(page).hasURL(Pattern.compile(".*/operations$"));
        assertThat(page).hasTitle("Operations console – Safeguarding alerts");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Operations console");
        Locator row = page.locator("tr.dead-letter").filter(new Locator.FilterOptions().setHasText(position));
        awaitOnThePage(row);
        assertThat(row).containsText("SerializationException");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operations"))).isVisible();
        assertNoSeriousAccessibilityFindings("desktop");
        screenshot("20-operations-console");

        // when they replay it
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Replay the dead letter at " + position))
                .click();

        // then the console says it is back on its topic, and the row who replayed it
        assertThat(page.locator(".banner--success")).containsText("Dead letter replayed");
        assertThat(page.locator("tr.dead-letter").filter(new Locator.FilterOptions().setHasText(position)))
                .containsText("Replayed by");
        assertNoSeriousAccessibilityFindings("after a replay");
        screenshot("21-operations-replayed");
    }

    @Test
    void onA375PixelPhoneTheConsoleFitsTheWidthWithNoSeriousAccessibilityFindings() {
        // given a dead letter, so that the tables have rows
        givenADeadLetter();

        // when operations sign in on a phone
        open(375, 812, true);
        signIn(DemoSignIns.OPERATIONS_EMAIL, DemoSignIns.PASSWORD);

        // then the console's tables are cards with their labels and nothing scrolls sideways
        assertThat(page).hasURL(Pattern.compile(".*/operations$"));
        awaitOnThePage(page.locator("tr.dead-letter"));
        assertThat(page.locator("tr.dead-letter").first()).isVisible();
        assertThat(page.locator("tr.dead-letter td[data-label='Cause']").first()
                .evaluate("e => getComputedStyle(e, '::before').content")).isEqualTo("\"Cause\"");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        assertNoSeriousAccessibilityFindings("phone");
        screenshot("22-operations-console-phone");
    }

    @Test
    void aSchoolsKeyAdultAskingForTheConsoleSeesPageNotFound() {
        // given a school's key adult signed in
        open(1280, 900, false);
        signIn(apiAccount(DemoDirectory.PRIMARY_SCHOOLS.get(1), PersonRole.KEY_ADULT), API_PASSWORD);

        // when they ask for the console by its address
        Response response = page.navigate(baseUrl() + "/operations");

        // then it is the not-found page, and their header offers no link to it
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operations"))).hasCount(0);
    }

    /** Random bytes onto incidents.reported, dead-lettered by the consumer; its position on the dead-letter topic. */
    private String givenADeadLetter() {
        byte[] garbage = new byte[48];
        new Random(11).nextBytes(garbage);
        garbage[0] = 7; // not the wire format's magic byte
        RecordMetadata at = produceRaw(("garbage-" + unique()).getBytes(StandardCharsets.UTF_8), garbage);
        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER)) {
            ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1, r ->
                    Integer.toString(at.partition()).equals(header(r, DeadLetters.ORIGINAL_PARTITION))
                            && Long.toString(at.offset()).equals(header(r, DeadLetters.ORIGINAL_OFFSET))).get(0);
            return letter.topic() + " " + letter.partition() + " @ " + letter.offset();
        }
    }

    private void open(int width, int height, boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-GB");
        if (phone) {
            options.setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
        }
        context = browser.newContext(options);
        page = context.newPage();
        page.navigate(baseUrl() + "/inbox/sign-in");
    }

    /** Kafka's answers are kept a few seconds: reload until the page shows what was just made. */
    private void awaitOnThePage(Locator locator) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (locator.count() > 0) {
                return true;
            }
            page.reload();
            return locator.count() > 0;
        });
    }

    private void signIn(String email, String password) {
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private void assertNoSeriousAccessibilityFindings(String where) {
        Axe.assertNoSeriousOrCriticalViolations(page, where);
    }

    private void screenshot(String name) {
        // the whole page at a phone's pixel ratio is a large image: on a busy 2-core machine it can take over 30 s
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true).setTimeout(120_000));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
