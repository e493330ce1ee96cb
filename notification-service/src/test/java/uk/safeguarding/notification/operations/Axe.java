package uk.safeguarding.notification.operations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe-core, the accessibility rules engine, run in a Playwright page. The engine is the npm package locked in
 * {@code src/test/axe} (the Maven mirror here has no axe-core webjar), installed by {@code npm ci} there ({@code .ci/run}
 * does it). It is added to the page as a script tag, so the page's browser context must be made with
 * {@code setBypassCSP(true)}: the pages' Content-Security-Policy allows no inline script, rightly.
 */
final class Axe {

    /** Where {@code npm ci} in src/test/axe puts the engine (the tests run in the module's directory). */
    static final Path SCRIPT = Paths.get("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");

    private static volatile String source;

    private Axe() {
    }

    static boolean installed() {
        return Files.isReadable(SCRIPT);
    }

    /** The serious and critical violations on the page as it is now: rule id, impact, help text and the elements. */
    static List<Map<String, Object>> seriousOrCritical(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        }
        String json = (String) page.evaluate("async () => {"
                + " const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + "     targets: v.nodes.map(n => n.target.join(' '))})));"
                + "}");
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(SCRIPT + ": run npm ci in src/test/axe", e);
            }
        }
        return source;
    }
}
