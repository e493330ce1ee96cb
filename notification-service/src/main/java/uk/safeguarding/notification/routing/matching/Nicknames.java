package uk.safeguarding.notification.routing.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Given-name variants from {@code matching/nicknames.csv}: one group a line, formal name first. Two names are
 * variants of each other when one line holds both; a short form on several lines (Alex) does not make the formal
 * names of those lines (Alexander, Alexandra) variants of each other.
 */
public final class Nicknames {

    public static final String RESOURCE = "matching/nicknames.csv";

    private static volatile Nicknames defaults;

    /** Each group: formal name first, then the variants, all normalised. */
    private final List<List<String>> groups;
    private final Map<String, List<Integer>> groupsByName = new HashMap<>();

    public Nicknames(List<List<String>> groups) {
        List<List<String>> normalised = new ArrayList<>();
        for (List<String> group : groups) {
            Set<String> names = new LinkedHashSet<>();
            for (String raw : group) {
                String n = MatchText.name(raw);
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
            if (names.size() > 1) {
                int index = normalised.size();
                normalised.add(List.copyOf(names));
                for (String n : names) {
                    groupsByName.computeIfAbsent(n, k -> new ArrayList<>()).add(index);
                }
            }
        }
        this.groups = List.copyOf(normalised);
    }

    /** The groups of the bundled data file (loaded once). */
    public static Nicknames defaults() {
        Nicknames d = defaults;
        if (d == null) {
            synchronized (Nicknames.class) {
                if (defaults == null) {
                    defaults = load(RESOURCE);
                }
                d = defaults;
            }
        }
        return d;
    }

    public static Nicknames load(String classpathResource) {
        InputStream in = Nicknames.class.getClassLoader().getResourceAsStream(classpathResource);
        if (in == null) {
            throw new IllegalStateException("nickname data " + classpathResource + " not on the class path");
        }
        List<List<String>> groups = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                groups.add(List.of(line.split(",")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Nicknames(groups);
    }

    /**
     * When the two names (normalised here) differ but share a group, the formal name of that group (to say
     * "Alex is a known short form of Alexander"); empty otherwise.
     */
    public Optional<String> sharedFormalName(String a, String b) {
        String x = MatchText.name(a);
        String y = MatchText.name(b);
        if (x.isEmpty() || y.isEmpty() || x.equals(y)) {
            return Optional.empty();
        }
        List<Integer> gx = groupsByName.getOrDefault(x, List.of());
        List<Integer> gy = groupsByName.getOrDefault(y, List.of());
        for (Integer g : gx) {
            if (gy.contains(g)) {
                return Optional.of(groups.get(g).get(0));
            }
        }
        return Optional.empty();
    }

    public boolean areVariants(String a, String b) {
        return sharedFormalName(a, b).isPresent();
    }

    /** Every other name sharing a group with this one (normalised), in file order. */
    public List<String> variantsOf(String name) {
        String x = MatchText.name(name);
        Set<String> out = new LinkedHashSet<>();
        for (Integer g : groupsByName.getOrDefault(x, List.of())) {
            out.addAll(groups.get(g));
        }
        out.remove(x);
        return List.copyOf(out);
    }

    public int groupCount() {
        return groups.size();
    }
}
