package uk.safeguarding.ingest.api;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.http.ProblemType;
import uk.safeguarding.ingest.support.Http;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain documentation page that replaces Swagger UI: the contract in words, open without a token, and built to the
 * structural rules a screen reader depends on (the page is well-formed, so it is read here as XML and checked).
 */
class DocumentationPageTest extends IngestIntegrationTest {

    @Test
    void documentationPageCarriesTheContractWithoutAToken() {
        // when
        Http.Answer answer = anonymous().get("/docs");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        for (ProblemType type : ProblemType.values()) {
            assertThat(answer.body()).as(type.code()).contains(type.uri().toString());
        }
        assertThat(answer.body()).contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After",
                "X-Correlation-Id", "/v3/api-docs", "POST /api/v1/incidents", "incidents:submit:",
                "bucket of 1000 requests", "client-credentials");
        assertThat(answer.body()).contains("&quot;policeReference&quot;: &quot;WMP-2026-000123&quot;");
    }

    @Test
    void documentationPageIsStructuredForAssistiveTechnology() throws Exception {
        // given
        Document page = xml(anonymous().get("/docs").body());
        Element html = page.getDocumentElement();

        // then: language, title, one h1, headings without skipped levels
        assertThat(html.getAttribute("lang")).isEqualTo("en");
        assertThat(text(page, "title")).singleElement().asString().isNotBlank();
        assertThat(text(page, "h1")).hasSize(1);
        List<Integer> levels = new ArrayList<>();
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String name = all.item(i).getNodeName();
            if (name.matches("h[1-6]")) {
                levels.add(name.charAt(1) - '0');
            }
        }
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d after h%d", i, levels.get(i - 1)).isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        // a main landmark reached by a skip link; no script
        assertThat(page.getElementsByTagName("main").getLength()).isEqualTo(1);
        assertThat(((Element) page.getElementsByTagName("a").item(0)).getAttribute("href")).isEqualTo("#main");
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        // every table has a caption and header cells with a scope
        NodeList tables = page.getElementsByTagName("table");
        assertThat(tables.getLength()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < tables.getLength(); i++) {
            assertThat(((Element) tables.item(i)).getElementsByTagName("caption").getLength()).isEqualTo(1);
        }
        NodeList headers = page.getElementsByTagName("th");
        for (int i = 0; i < headers.getLength(); i++) {
            assertThat(((Element) headers.item(i)).getAttribute("scope")).isIn("col", "row");
        }
        // every link says where it goes; every in-page link has its target
        NodeList links = page.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            assertThat(link.getTextContent()).isNotBlank();
            if (link.getAttribute("href").startsWith("#")) {
                assertThat(page.getElementById(link.getAttribute("href").substring(1)) != null
                        || hasId(page, link.getAttribute("href").substring(1))).as(link.getAttribute("href")).isTrue();
            }
        }
        // the scrollable example can be reached from the keyboard
        assertThat(((Element) page.getElementsByTagName("pre").item(0)).getAttribute("tabindex")).isEqualTo("0");
    }

    @Test
    void swaggerUiAddressLeadsToTheDocumentationPage() {
        Http.Answer answer = anonymous().get("/swagger-ui.html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().uri().getPath()).isEqualTo("/docs");
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> text(Document page, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = page.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static boolean hasId(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }
}
