package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.routing.router.Deadlines;

import uk.safeguarding.avro.AgencyKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * {@link Deadlines} from a policy, the bank holidays, the area's default school calendar and the calendars of the
 * schools that have their own (for one batch, or any set): everything in memory, no lookups.
 */
public final class CalendarDeadlines implements Deadlines {

    private final DeadlinePolicy policy;
    private final BankHolidays bankHolidays;
    private final SchoolCalendar areaDefault;
    private final Map<String, SchoolCalendar> schools;

    public CalendarDeadlines(DeadlinePolicy policy, BankHolidays bankHolidays, SchoolCalendar areaDefault,
                             Map<String, SchoolCalendar> schools) {
        this.policy = policy;
        this.bankHolidays = bankHolidays;
        this.areaDefault = areaDefault;
        this.schools = Map.copyOf(schools);
    }

    @Override
    public Instant dueBy(AgencyKind kind, String calendarOrganisationId, Instant receivedAt) {
        if (receivedAt == null) {
            return null;
        }
        DeadlineRule rule = policy.ruleFor(kind);
        if (rule instanceof DeadlineRule.WithinWorkingHours w) {
            return policy.workingHours().after(receivedAt, w.amount(), bankHolidays);
        }
        return schoolDays(calendarOrganisationId).nextDayStartAfter(receivedAt).orElse(null);
    }

    /** A working day of the policy's working hours (Monday to Friday by default), never a bank holiday. */
    @Override
    public boolean isWorkingDay(LocalDate date) {
        return policy.workingHours().isWorkingDay(date, bankHolidays);
    }

    @Override
    public LocalTime workingDayEndsAt() {
        return policy.workingHours().endsAt();
    }

    /** The school's days: its own calendar, or the area's default one when it has none. */
    public SchoolDays schoolDays(String schoolId) {
        SchoolCalendar own = schoolId == null ? null : schools.get(schoolId);
        return new SchoolDays(own == null ? areaDefault : own, areaDefault, bankHolidays);
    }
}
