package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.AgencyKind;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When an alert must have been read: a function of the recipient's kind, the organisation whose calendar applies and
 * the instant the incident was received. Router asks it for every alert; delivery is never held back for it.
 */
@FunctionalInterface
public interface Deadlines {

    /** Every calendar decision is made in England and Wales' local time, across clock changes. */
    ZoneId ZONE = ZoneId.of("Europe/London");

    /**
     * @param kind                   the recipient's kind (its rule)
     * @param calendarOrganisationId the school whose calendar applies (for SCHOOL and SCHOOL_NURSE: the child's
     *                               school), otherwise the recipient
     * @param receivedAt             when the platform received the incident (see {@link #receivedAt})
     * @return the deadline, or null when none can be computed
     */
    Instant dueBy(AgencyKind kind, String calendarOrganisationId, Instant receivedAt);

    /**
     * Whether a London date is a working day for deadlines counted in working days (probation's answer). Without a
     * calendar: Monday to Friday; the calendar's deadlines also leave out bank holidays.
     */
    default boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** When a working day's hours end (London time). Without a calendar: 17:00. */
    default LocalTime workingDayEndsAt() {
        return LocalTime.of(17, 0);
    }

    /** No deadlines (alerts carry no dueBy). */
    static Deadlines none() {
        return (kind, organisationId, receivedAt) -> null;
    }

    /**
     * When the incident counts as received: when the force reported it to the platform, unless that is missing or
     * in the future (a wrong police clock), then when it is routed.
     */
    static Instant receivedAt(Instant reportedAt, Instant routedAt) {
        return reportedAt == null || reportedAt.isAfter(routedAt) ? routedAt : reportedAt;
    }
}
