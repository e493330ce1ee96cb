package uk.safeguarding.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run's received email as one page ({@code http://localhost:8025/}, loopback only): every email the local
 * mail server took, newest first, with to whom, when, the subject and the text (links in it can be followed, such as an
 * invitation's). Plain HTML from the JDK's own HTTP server; no script. For the local run only.
 */
public final class MailPage implements AutoCloseable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor;

    private MailPage(HttpServer server, java.util.concurrent.ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves the page for {@code mail} on 127.0.0.1:{@code port}; {@code imapPort} is named on it. */
    public static MailPage start(int port, LocalMailServer mail, int imapPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        java.util.concurrent.ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "local-mail-page");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"/".equals(exchange.getRequestURI().getPath())) {
                    send(exchange, 404, "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><p>Not found: the"
                            + " list of email is at <a href=\"/\">/</a>.</p></html>");
                } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, "");
                } else {
                    send(exchange, 200, render(mail.received(), imapPort));
                }
            }
        });
        server.start();
        return new MailPage(server, executor);
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String render(List<LocalMailServer.Email> emails, int imapPort) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Local mail: %d received</title>
                <style>
                body { font-family: system-ui, Arial, sans-serif; line-height: 1.5; color: #0b0c0c; margin: 0 auto;
                       padding: 1rem; max-width: 60rem; }
                article { border-top: 2px solid #b1b4b6; padding: 0.5rem 0 1rem; }
                h2 { margin: 0.5rem 0; font-size: 1.25rem; }
                dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0 0 0.5rem; }
                dt { font-weight: bold; }
                dd { margin: 0; }
                pre { white-space: pre-wrap; background: #f3f2f1; padding: 0.75rem; margin: 0; }
                a { color: #1d4f91; }
                a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
                </style>
                </head>
                <body>
                <main>
                <h1>Email received by the local mail server</h1>
                """.formatted(emails.size()));
        html.append("<p>").append(emails.size() == 1 ? "1 email" : emails.size() + " emails")
                .append(", newest first. Nothing leaves this machine. Reload the page to see new ones. Every mailbox is"
                        + " also open over IMAP on <code>localhost:").append(imapPort)
                .append("</code>: log in as the address an email went to, with any password.</p>\n");
        for (int i = emails.size() - 1; i >= 0; i--) {
            LocalMailServer.Email email = emails.get(i);
            html.append("<article aria-labelledby=\"email-").append(i).append("\">\n<h2 id=\"email-").append(i)
                    .append("\">").append(escape(email.subject() == null ? "(no subject)" : email.subject()))
                    .append("</h2>\n<dl>\n<dt>To</dt><dd>").append(escape(String.join(", ", email.to())))
                    .append("</dd>\n<dt>Received</dt><dd>");
            if (email.receivedAt() != null) {
                html.append("<time datetime=\"").append(email.receivedAt()).append("\">")
                        .append(WHEN.format(email.receivedAt())).append("</time> (UK time)");
            }
            html.append("</dd>\n</dl>\n<pre>").append(linked(email.body())).append("</pre>\n</article>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The text escaped, with its web addresses made links. */
    private static String linked(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(text == null ? "" : text);
        int at = 0;
        while (m.find()) {
            out.append(escape(text.substring(at, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = m.end();
        }
        out.append(escape(text == null ? "" : text.substring(at)));
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
