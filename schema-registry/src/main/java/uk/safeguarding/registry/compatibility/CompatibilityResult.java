package uk.safeguarding.registry.compatibility;

import java.util.List;

/** Whether a candidate schema may follow the existing ones, and if not, why (in Confluent's message style). */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    public static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }
}
