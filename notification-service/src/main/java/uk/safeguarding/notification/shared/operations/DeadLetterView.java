package uk.safeguarding.notification.shared.operations;

import uk.safeguarding.notification.shared.consumers.DeadLetters;

import java.time.Instant;
import java.util.Map;

/**
 * A dead letter as the console shows it: where it is on the dead-letter topic, when it was written, why (the headers
 * {@link DeadLetters} wrote: an exception's class and a safe description, never a value of the record), and where the
 * record came from. Its key and bytes are never shown. Plain Java.
 *
 * @param cause         the exception's simple class name ({@code IncidentRejectedException})
 * @param message       the safe description, cut to {@value #MESSAGE_MAX} characters for the page
 * @param originalTopic null when the headers do not say (not a dead letter this service wrote)
 * @param payloadStored the bytes were too large for the topic and are kept in {@code dead_letter_payload}
 * @param replay        when and by whom it was replayed, or null
 */
public record DeadLetterView(String topic, int partition, long offset, Instant writtenAt, String cause, String message,
                             String originalTopic, Integer originalPartition, Long originalOffset,
                             boolean payloadStored, Replay replay) {

    static final int MESSAGE_MAX = 300;

    /** A replay of the dead letter: who, when, and where the record landed again. */
    public record Replay(String replayedBy, Instant replayedAt, Integer partition, Long offset) {
    }

    /** From a dead-letter record's position, timestamp and headers (UTF-8 text). */
    public static DeadLetterView of(String topic, int partition, long offset, Instant writtenAt,
                                    Map<String, String> headers) {
        String fqcn = headers.get(DeadLetters.EXCEPTION_FQCN);
        String cause = fqcn == null ? "" : fqcn.substring(fqcn.lastIndexOf('.') + 1);
        String message = headers.getOrDefault(DeadLetters.EXCEPTION_MESSAGE, "");
        if (message.length() > MESSAGE_MAX) {
            message = message.substring(0, MESSAGE_MAX - 1) + "…";
        }
        return new DeadLetterView(topic, partition, offset, writtenAt, cause, message,
                headers.get(DeadLetters.ORIGINAL_TOPIC), integer(headers.get(DeadLetters.ORIGINAL_PARTITION)),
                number(headers.get(DeadLetters.ORIGINAL_OFFSET)), headers.containsKey(DeadLetters.PAYLOAD_STORED),
                null);
    }

    public DeadLetterView withReplay(Replay replay) {
        return new DeadLetterView(topic, partition, offset, writtenAt, cause, message, originalTopic,
                originalPartition, originalOffset, payloadStored, replay);
    }

    public boolean replayed() {
        return replay != null;
    }

    /** "incidents.reported.dlt 0 @ 12", as people quote a position. */
    public String position() {
        return topic + " " + partition + " @ " + offset;
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
