package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.ResponseRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * What probation is asked on every probation alert: adult services must ask about the children. Unanswered by
 * respondBy, it escalates (package probation).
 *
 * <p>The rule for respondBy: the close of working hours (17:00 London time by default) on the Nth working day after
 * the day the alert was routed, N being {@code notification.probation.answer-within-working-days} (default 5). The
 * day of routing never counts, whatever the hour; working days are those of the other working-hours deadlines
 * (Monday to Friday, never an England and Wales bank holiday: {@link Deadlines#isWorkingDay}). Routed on a Monday,
 * due the next Monday at 17:00; routed on a Saturday, due the Friday after at 17:00; a bank holiday in between adds
 * a day.
 */
public final class ProbationQuestion {

    public static final String QUESTION = "Were the children's safeguarding needs considered, and what was done?";

    /** {@code notification.probation.answer-within-working-days} when not configured. */
    public static final int DEFAULT_ANSWER_WITHIN_WORKING_DAYS = 5;

    /** Far more working days than any year has: the calendar never runs out of them. */
    private static final int HORIZON_DAYS = 400;

    private ProbationQuestion() {
    }

    public static ResponseRequest request(Instant routedAt, int workingDays, Deadlines calendar) {
        return ResponseRequest.newBuilder().setQuestion(QUESTION)
                .setRespondBy(respondBy(routedAt, workingDays, calendar)).build();
    }

    /** The close of the {@code workingDays}-th working day after the London day of {@code routedAt}. */
    public static Instant respondBy(Instant routedAt, int workingDays, Deadlines calendar) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("probation answers need at least one working day: " + workingDays);
        }
        LocalDate day = LocalDate.ofInstant(routedAt, Deadlines.ZONE);
        int counted = 0;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day) && ++counted == workingDays) {
                return ZonedDateTime.of(day, calendar.workingDayEndsAt(), Deadlines.ZONE).toInstant();
            }
        }
        throw new IllegalStateException("no " + workingDays + " working days within " + HORIZON_DAYS + " days of "
                + routedAt);
    }
}
