package uk.safeguarding.notification.delivery.dispatch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a webhook endpoint acceptable. Alerts carry a child's details, so they travel only over HTTPS; plain
 * HTTP is allowed to this machine alone, for local runs and tests. The secret signs every request, so it must be
 * long enough not to be guessed.
 */
public final class WebhookEndpointRules {

    public static final int MIN_SECRET_LENGTH = 32;
    /** Stored encrypted: the column holds about 4/3 of this and a prefix. */
    public static final int MAX_SECRET_LENGTH = 500;

    private WebhookEndpointRules() {
    }

    /** A field that breaks a rule, and why. */
    public record Problem(String field, String message) {
    }

    public static List<Problem> problems(String url, String secret) {
        List<Problem> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add(new Problem("url", "must not be blank"));
        } else {
            try {
                URI uri = URI.create(url.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                if (host.isEmpty()) {
                    problems.add(new Problem("url", "must be an absolute URL with a host"));
                } else if (!scheme.equals("https") && !(scheme.equals("http") && isThisMachine(host))) {
                    problems.add(new Problem("url", "must use https (plain http only to localhost)"));
                }
                if (uri.getUserInfo() != null) {
                    problems.add(new Problem("url", "must not carry credentials: the signature authenticates"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("url", "is not a valid URL"));
            }
        }
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            problems.add(new Problem("secret", "must be at least " + MIN_SECRET_LENGTH + " characters"));
        } else if (secret.length() > MAX_SECRET_LENGTH) {
            problems.add(new Problem("secret", "must be at most " + MAX_SECRET_LENGTH + " characters"));
        }
        return problems;
    }

    private static boolean isThisMachine(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }
}
