package uk.safeguarding.testkit;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deque's axe-core, the accessibility rules engine, run inside a page a browser test has open (Playwright): the
 * engine ({@code axe.min.js}, from Deque's {@code com.deque.html.axe-core:playwright} jar on the classpath) is
 * evaluated in the page (the page's Content-Security-Policy does not apply to what the test evaluates) and run on the
 * whole document with its default rules (WCAG 2 A and AA, and best practices). A test fails on any serious or critical finding, naming the
 * rule, its help text and the elements.
 */
public final class Axe {

    /** One rule broken: its id, impact (minor, moderate, serious, critical), help text and the elements (selectors). */
    public record Violation(String id, String impact, String help, List<String> elements) {
        @Override
        public String toString() {
            return impact + " " + id + ": " + help + " " + elements;
        }
    }

    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String SCRIPT = "axe.min.js";
    private static volatile String source;

    private Axe() {
    }

    /** Every violation axe finds in the page as it is now. */
    @SuppressWarnings("unchecked")
    public static List<Violation> violations(Page page) {
        page.evaluate("() => { if (typeof window.axe === 'undefined') {\n" + source() + "\n} }");
        Object found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                + ".violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,"
                + " elements: v.nodes.map(n => n.target.join(' '))}))");
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<Object>) found) {
            Map<String, Object> v = (Map<String, Object>) item;
            violations.add(new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), ((List<Object>) v.get("elements")).stream().map(String::valueOf)
                    .toList()));
        }
        return violations;
    }

    /** Fails the test if axe finds anything serious or critical in the page as it is now. */
    public static void assertNoSeriousOrCriticalViolations(Page page, String what) {
        List<Violation> serious = violations(page).stream().filter(v -> FAILING.contains(v.impact())).toList();
        assertThat(serious).as("axe-core: serious or critical findings on " + what + " (" + page.url() + ")")
                .isEmpty();
    }

    /**
     * axe.min.js from the classpath: Deque's {@code com.deque.html.axe-core:playwright} jar carries it at its root (only
     * that file is used; the jar's own dependencies are excluded in the root POM).
     */
    static String source() {
        if (source == null) {
            synchronized (Axe.class) {
                if (source == null) {
                    source = load();
                }
            }
        }
        return source;
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath: add"
                        + " com.deque.html.axe-core:playwright");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
