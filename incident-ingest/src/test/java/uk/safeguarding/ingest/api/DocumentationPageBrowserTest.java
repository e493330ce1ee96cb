package uk.safeguarding.ingest.api;

import uk.safeguarding.testkit.HeadlessChromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.testkit.Axe;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's documentation page ({@code /docs}) in a real headless Chromium (Debian's, driven by Playwright), checked
 * with axe-core: no serious or critical finding, on a desktop screen and on a phone's. Screenshots in
 * target/screenshots/.
 */
class DocumentationPageBrowserTest extends IngestIntegrationTest {


    private static HeadlessChromium chromium;
    private static Browser browser;

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
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(
                        "docs-" + screen.viewportSize.get().width + ".png")));
            }
        }
    }
}
