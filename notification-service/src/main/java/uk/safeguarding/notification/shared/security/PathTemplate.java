package uk.safeguarding.notification.shared.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request path template of the access matrix: literal segments, {@code {name}} (one segment, captured), {@code *}
 * (one segment) and a trailing {@code /**} (zero or more further segments, so {@code /api/v1/breaches/**} also
 * matches {@code /api/v1/breaches}). Case-sensitive, like Spring MVC's own matching; paths are already normalised by
 * Spring Security's firewall (no {@code ..}, {@code //}, {@code ;} or encoded slashes reach here).
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;
    private final boolean openEnded;

    private PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with /: " + template);
        }
        this.template = template;
        List<String> parts = split(template);
        this.openEnded = !parts.isEmpty() && parts.get(parts.size() - 1).equals("**");
        this.segments = openEnded ? List.copyOf(parts.subList(0, parts.size() - 1)) : List.copyOf(parts);
        if (segments.contains("**")) {
            throw new IllegalArgumentException("** only at the end: " + template);
        }
    }

    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    /** The captured {@code {name}} segments when the path matches. */
    public Optional<Map<String, String>> match(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> parts = split(path);
        if (openEnded ? parts.size() < segments.size() : parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String want = segments.get(i);
            String have = parts.get(i);
            if (want.startsWith("{") && want.endsWith("}")) {
                variables.put(want.substring(1, want.length() - 1), have);
            } else if (!want.equals("*") && !want.equals(have)) {
                return Optional.empty();
            }
        }
        return Optional.of(Map.copyOf(variables));
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return template;
    }
}
