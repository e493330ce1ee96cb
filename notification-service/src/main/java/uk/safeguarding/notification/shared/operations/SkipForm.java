package uk.safeguarding.notification.shared.operations;

import uk.safeguarding.schemas.contract.Text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The console's form to skip a record that stops its consumer, as typed (text, so that a wrong number is answered
 * with a message rather than a 400), and what is wrong with it: the same rules as
 * {@code POST /api/v1/operations/records/skip}. Plain Java.
 */
public record SkipForm(String topic, String partition, String offset, String reason) {

    static final int REASON_MAX = 500;

    /** Field name to the message shown beside it, in the form's order; empty when the form is good. */
    public Map<String, String> problems(Set<String> consumed) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (topic == null || !consumed.contains(topic)) {
            problems.put("topic", "Choose the topic the consumer reads");
        }
        if (number(partition) == null || number(partition) > Integer.MAX_VALUE) {
            problems.put("partition", "Enter the partition, a whole number from 0");
        }
        if (number(offset) == null) {
            problems.put("offset", "Enter the offset, a whole number from 0");
        }
        if (reason == null || reason.isBlank()) {
            problems.put("reason", "Say why the record is skipped (a ticket, what fails)");
        } else if (reason.strip().length() > REASON_MAX || Text.hasControlCharacter(reason.strip(), false)) {
            problems.put("reason", "Say why in at most " + REASON_MAX + " characters on one line");
        }
        return problems;
    }

    public int partitionNumber() {
        return number(partition).intValue();
    }

    public long offsetNumber() {
        return number(offset);
    }

    private static Long number(String s) {
        if (s == null || !s.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(s.strip());
    }
}
