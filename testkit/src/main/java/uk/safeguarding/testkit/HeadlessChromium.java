package uk.safeguarding.testkit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's Chromium, headless, driven by Playwright for Java: one per browser test class, started in
 * {@code @BeforeAll} and closed in {@code @AfterAll}. Playwright never downloads a browser here. Without
 * {@code /usr/bin/chromium} a test fails under CI ({@code CI=true}) and is skipped elsewhere, saying how to install it.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    /** Where browser tests keep their screenshots (test artifacts, relative to the module). */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts it, or fails (CI) or skips (elsewhere) the calling test class when Debian's chromium is missing. */
    public static HeadlessChromium startOrSkip() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = EXECUTABLE + " is missing: install Debian's chromium (apt-get install -y chromium)"
                    + " to run the browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            abort(message + "; skipped outside CI");
        }
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
        return new HeadlessChromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
