package uk.safeguarding.ingest.api;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.testkit.Axe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The API's documentation page ({@code /docs}) in a real headless Chromium (Debian's, driven by Playwright), checked
 * with axe-core: no serious or critical finding, on a desktop screen and on a phone's. Screenshots in
 * target/screenshots/.
 */
class DocumentationPageBrowserTest extends IngestIntegrationTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " is missing: install Debian's chromium (apt-get install -y chromium)"
                    + " to run the browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            abort(message + "; skipped outside CI");
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_FLAGS));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void axeRunsInThePageAndFindsWhatItShould() {
        // given a page with an image without a text alternative and no language
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html><head><title>Broken</title></head><body><main>"
                    + "<img src=\"data:,\"><a href=\"#\"></a></main></body></html>");

            // when axe runs, then it names them, as serious or critical
            assertThat(Axe.violations(page)).extracting(Axe.Violation::id, Axe.Violation::impact)
                    .contains(org.assertj.core.groups.Tuple.tuple("image-alt", "critical"),
                            org.assertj.core.groups.Tuple.tuple("html-has-lang", "serious"),
                            org.assertj.core.groups.Tuple.tuple("link-name", "serious"));
        }
    }

    @Test
    void theDocumentationPagePassesAxeOnADesktopAndAPhone() {
        for (Browser.NewContextOptions screen : List.of(
                new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"),
                new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true)
                        .setHasTouch(true).setLocale("en-GB"))) {
            try (BrowserContext context = browser.newContext(screen)) {
                Page page = context.newPage();

                // when the page is opened, without a token
                Response response = page.navigate("http://localhost:" + port + DocumentationPage.PATH);

                // then it is the contract, and axe finds nothing serious or critical
                assertThat(response.status()).isEqualTo(200);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                        .hasText("Incident intake API: the contract for police systems");
                Axe.assertNoSeriousOrCriticalViolations(page, "the incident intake API documentation");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(
                        "docs-" + screen.viewportSize.get().width + ".png")));
            }
        }
    }
}
