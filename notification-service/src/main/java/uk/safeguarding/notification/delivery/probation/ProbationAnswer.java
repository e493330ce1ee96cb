package uk.safeguarding.notification.delivery.probation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Probation's answer: were the children's safeguarding needs considered, and what was done.
 *
 * @param childrenConsidered whether the children's safeguarding needs were considered
 * @param actions            what was done (or, if they were not considered, why and what happens next)
 */
public record ProbationAnswer(@NotNull Boolean childrenConsidered,
                              @NotBlank @Size(max = ProbationAnswer.ACTIONS_MAX_LENGTH) String actions) {

    /** The longest answer kept (a few paragraphs). */
    public static final int ACTIONS_MAX_LENGTH = 4000;
}
