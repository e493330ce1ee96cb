package uk.safeguarding.notification.shared.operations;

import java.util.Set;

/**
 * Whether a dead letter may be published again on its original topic. Plain Java; the replay itself
 * ({@link DeadLetterReplays}) makes the answer hold under concurrent requests with a unique key in the database.
 */
public final class ReplayCheck {

    private ReplayCheck() {
    }

    public enum Verdict {
        /** Publish it again. */
        REPLAY,
        /** Replayed before: nothing is sent again. */
        ALREADY_REPLAYED,
        /** Nothing at that position of a dead-letter topic, or its headers do not name where it came from. */
        NOT_FOUND,
        /** Its original topic is not one this service reads: replaying it here would reach no consumer of ours. */
        NOT_CONSUMED_HERE,
        /** Its bytes are neither on the topic nor kept in the database (retention removed them): nothing to send. */
        NO_PAYLOAD
    }

    /**
     * @param originalTopic   the topic the headers name, null when they name none (or no dead letter was found)
     * @param hasPayload      the original bytes are at hand (on the topic, or kept in {@code dead_letter_payload})
     * @param alreadyReplayed the database holds a replay of this dead letter
     * @param consumed        the topics a consumer of this service reads
     */
    public static Verdict of(String originalTopic, boolean hasPayload, boolean alreadyReplayed, Set<String> consumed) {
        if (originalTopic == null) {
            return Verdict.NOT_FOUND;
        }
        if (alreadyReplayed) {
            return Verdict.ALREADY_REPLAYED;
        }
        if (!consumed.contains(originalTopic)) {
            return Verdict.NOT_CONSUMED_HERE;
        }
        return hasPayload ? Verdict.REPLAY : Verdict.NO_PAYLOAD;
    }
}
