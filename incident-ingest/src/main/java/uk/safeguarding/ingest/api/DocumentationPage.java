package uk.safeguarding.ingest.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.ingest.access.AccessProperties;
import uk.safeguarding.ingest.access.PoliceSystemFilter;
import uk.safeguarding.ingest.http.CorrelationId;
import uk.safeguarding.ingest.http.ProblemType;

import java.util.Locale;

/**
 * The API contract as one plain HTML page ({@code /docs}), in place of Swagger UI: semantic headings, tables with
 * captions and header cells, no script, readable with a screen reader, at 400% zoom and on paper. It is built from the
 * same sources as the answers (the problem types, the configured rate limit and token URL, the OpenAPI example), so
 * it cannot drift from them. The machine-readable contract stays at {@code /v3/api-docs}.
 */
@RestController
@Hidden
public class DocumentationPage {

    public static final String PATH = "/docs";

    private final String page;

    public DocumentationPage(AccessProperties.Auth auth, AccessProperties.RateLimit rateLimit,
                             @Value("${ingest.api-docs.token-url:}") String tokenUrl) {
        this.page = render(ApiDocumentation.tokenUrl(tokenUrl, auth), auth.getScopePrefix(), rateLimit);
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    /** Where Swagger UI was: bookmarks and older READMEs land on this page. */
    @GetMapping("/swagger-ui.html")
    public ResponseEntity<Void> swaggerUi() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, PATH).build();
    }

    static String render(String tokenUrl, String scopePrefix, AccessProperties.RateLimit rateLimit) {
        StringBuilder html = new StringBuilder(16_000);
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>Incident intake API: the contract for police systems</title>
                <style>
                body { font-family: system-ui, Arial, sans-serif; font-size: 1.1rem; line-height: 1.5; color: #0b0c0c;
                       background: #ffffff; margin: 0 auto; padding: 1rem; max-width: 60rem; }
                a { color: #1d4f91; text-decoration: underline; }
                a:focus { outline: 3px solid #ffbf47; background: #ffbf47; color: #0b0c0c; }
                .skip { position: absolute; left: -999px; }
                .skip:focus { position: static; }
                table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
                caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
                th, td { border: 1px solid #505a5f; padding: 0.4rem; text-align: left; vertical-align: top; }
                code, pre { font-family: Consolas, monospace; background: #f3f2f1; color: #0b0c0c; }
                pre { padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
                pre:focus { outline: 3px solid #ffbf47; }
                </style>
                </head>
                <body>
                <a class="skip" href="#main">Skip to the contract</a>
                <main id="main">
                <h1>Incident intake API: the contract for police systems</h1>
                <p>Police forces' systems report domestic abuse incidents involving children to this service. Each
                accepted revision of an incident is passed on at once to the schools, health services, probation and
                children's social care that look after the children. The machine-readable contract is the
                <a href="/v3/api-docs">OpenAPI document (JSON)</a>; this page says the same in words.</p>
                <nav aria-label="Contents">
                <h2>Contents</h2>
                <ul>
                <li><a href="#token">Getting a token</a></li>
                <li><a href="#submit">Submitting an incident</a></li>
                <li><a href="#answers">Answers and problem types</a></li>
                <li><a href="#rate-limit">Rate limit</a></li>
                <li><a href="#correlation">Correlation id</a></li>
                <li><a href="#status">Following an incident</a></li>
                </ul>
                </nav>
                """);
        html.append("<h2 id=\"token\">Getting a token</h2>\n<p>Ask the identity provider for an OAuth2 access token with the"
                + " client-credentials grant (RFC 6749, section 4.4) at <code>").append(escape(tokenUrl))
                .append("</code>, using your system's client id and secret. Send it on every call as <code>Authorization:"
                        + " Bearer &lt;token&gt;</code>. A system may submit only for the forces its token names as"
                        + " scopes <code>").append(escape(scopePrefix)).append("&lt;forceCode&gt;</code>.</p>\n");
        html.append("<h2 id=\"submit\">Submitting an incident</h2>\n<p><code>POST ").append(IncidentController.BASE_PATH)
                .append("</code> with <code>Content-Type: application/json</code>: one revision of one incident, at most"
                        + " 256 KiB. A higher <code>revision</code> updates the incident; sending the same revision again"
                        + " with the same content is safe (200, not published twice). A complete example:</p>\n")
                .append("<pre tabindex=\"0\" aria-label=\"Example incident\"><code>")
                .append(escape(IncidentController.SUBMISSION_EXAMPLE.strip())).append("</code></pre>\n")
                .append("<p>Every field, its type and its rules are in the OpenAPI document's schema"
                        + " <code>IncidentSubmission</code>. A refused incident lists <strong>every</strong> field problem"
                        + " found at once in <code>errors</code>, each with <code>field</code> (a path such as"
                        + " <code>children[0].dateOfBirth</code>) and <code>reason</code>; the value sent is never"
                        + " repeated.</p>\n");
        html.append("<h2 id=\"answers\">Answers and problem types</h2>\n<p>Every refusal is"
                + " <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>,"
                + " <code>status</code>, <code>detail</code> and <code>correlationId</code>. <code>type</code> is a stable"
                + " code, <code>").append(ProblemType.PREFIX).append("&lt;code&gt;</code>: program against it, not"
                + " against the title or detail. Nothing refused is recorded or published.</p>\n")
                .append("<table>\n<caption>Answers to <code>POST ").append(IncidentController.BASE_PATH)
                .append("</code> and <code>GET ").append(IncidentController.BASE_PATH).append("/{incidentId}</code></caption>\n")
                .append("<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Problem type</th>"
                        + "<th scope=\"col\">When, and what to do</th></tr></thead>\n<tbody>\n")
                .append("<tr><th scope=\"row\">202</th><td>none</td><td>A new incident, or a newer revision: accepted and"
                        + " published. <code>Location</code> names the incident.</td></tr>\n")
                .append("<tr><th scope=\"row\">200</th><td>none</td><td>This revision was accepted before with the same"
                        + " content: not published again, same <code>incidentId</code>.</td></tr>\n");
        for (ProblemType type : ProblemType.values()) {
            html.append("<tr><th scope=\"row\">").append(type.status()).append("</th><td><code>").append(type.uri())
                    .append("</code></td><td>").append(escape(type.meaning()));
            if (type.status() == 429 || type.status() == 503) {
                html.append(" The answer carries <code>Retry-After</code> (seconds).");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        html.append("<h2 id=\"rate-limit\">Rate limit</h2>\n<p>Each client (the token's client id) has a token bucket of ")
                .append(rateLimit.getBurst()).append(" requests, refilled at ")
                .append(number(rateLimit.getRequestsPerSecond())).append(" per second (some clients may be configured"
                        + " otherwise). Every answer to an authenticated request carries the IETF draft RateLimit header"
                        + " fields:</p>\n<table>\n<caption>Rate limit headers</caption>\n<thead><tr><th scope=\"col\">"
                        + "Header</th><th scope=\"col\">Meaning</th></tr></thead>\n<tbody>\n")
                .append(row(PoliceSystemFilter.RATE_LIMIT_LIMIT, "Requests the client's bucket holds (its burst)."))
                .append(row(PoliceSystemFilter.RATE_LIMIT_REMAINING, "Requests left in the bucket after this one."))
                .append(row(PoliceSystemFilter.RATE_LIMIT_RESET, "Seconds until the bucket is full again."))
                .append(row("Retry-After", "On 429 only: seconds until the next request will be let through."))
                .append("</tbody>\n</table>\n");
        html.append("<h2 id=\"correlation\">Correlation id</h2>\n<p>Send <code>").append(CorrelationId.HEADER)
                .append("</code> with your own id for the request: 1 to ").append(CorrelationId.MAX_LENGTH)
                .append(" characters of letters, digits and <code>. _ : -</code>. It must not contain personal data."
                        + " It comes back in the same header on every answer and as <code>correlationId</code> in"
                        + " every problem, and the service logs the request under it. Without one, or with one that"
                        + " breaks these rules, the service makes one (a UUID) and answers with it.</p>\n");
        html.append("<h2 id=\"status\">Following an incident</h2>\n<p><code>GET ").append(IncidentController.BASE_PATH)
                .append("/{incidentId}</code> answers the accepted revisions with their status and times; no personal"
                        + " data. Another force's incident is answered 404, like an unknown one.</p>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String row(String header, String meaning) {
        return "<tr><th scope=\"row\"><code>" + header + "</code></th><td>" + escape(meaning) + "</td></tr>\n";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
