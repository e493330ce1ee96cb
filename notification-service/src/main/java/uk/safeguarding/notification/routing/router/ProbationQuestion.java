package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.ResponseRequest;

import java.time.Duration;
import java.time.Instant;

/**
 * What probation is asked on every probation alert: adult services must ask about the children. Unanswered by
 * respondBy, it escalates (package probation).
 */
public final class ProbationQuestion {

    public static final String QUESTION = "Were the children's safeguarding needs considered, and what was done?";

    /** {@code notification.probation.answer-within} when not configured. */
    public static final Duration DEFAULT_ANSWER_WITHIN = Duration.ofDays(5);

    private ProbationQuestion() {
    }

    public static ResponseRequest request(Instant routedAt, Duration answerWithin) {
        return ResponseRequest.newBuilder().setQuestion(QUESTION).setRespondBy(routedAt.plus(answerWithin)).build();
    }
}
