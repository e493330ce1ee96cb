package uk.safeguarding.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The exactly-once check: every expected alert seen once, none twice, none missing, none unexpected. Seen items are
 * counted one by one (never collected into a set first), so a duplicate cannot hide.
 */
final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /** What is wrong, one line each (empty: exactly once), with the evidence each seen item carries. */
    static <T> List<String> problems(String where, Collection<Households.AlertKey> expected, Collection<T> seen,
                                     Function<T, Households.AlertKey> keyOf) {
        Map<Households.AlertKey, List<T>> byKey = new LinkedHashMap<>();
        for (T item : seen) {
            byKey.computeIfAbsent(keyOf.apply(item), k -> new ArrayList<>()).add(item);
        }
        List<String> problems = new ArrayList<>();
        Set<Households.AlertKey> expectedKeys = new LinkedHashSet<>(expected);
        if (expectedKeys.size() != expected.size()) {
            problems.add("the expectation itself names an alert twice (" + expected.size() + " listed, "
                    + expectedKeys.size() + " distinct)");
        }
        byKey.forEach((key, items) -> {
            if (items.size() > 1) {
                problems.add(where + ": " + items.size() + " times: " + key + " " + items);
            }
            if (!expectedKeys.contains(key)) {
                problems.add(where + ": not expected: " + key + " " + items);
            }
        });
        List<Households.AlertKey> missing = expectedKeys.stream().filter(k -> !byKey.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(where + ": " + missing.size() + " missing, e.g. "
                    + missing.stream().limit(10).map(Object::toString).collect(Collectors.joining("; ")));
        }
        return problems;
    }
}
