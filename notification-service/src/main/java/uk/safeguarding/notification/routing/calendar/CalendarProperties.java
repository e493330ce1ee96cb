package uk.safeguarding.notification.routing.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code notification.calendar.*}: where the bank holidays and the area's default term dates come from, the working
 * hours, and each recipient kind's deadline rule (kinds not listed keep {@link DeadlinePolicy#standard()}'s rule).
 *
 * @param bankHolidayFiles     files in GOV.UK's bank-holidays.json shape; the events of {@code bankHolidayDivision}
 *                             are read from each (an area adds a one-off with a file of its own)
 * @param bankHolidayDivision  the division read from each file
 * @param defaultTermDates     the area's default school calendar (schools without their own follow it)
 * @param defaultDayStartsAt   when a school's day starts if its calendar does not say (hh:mm)
 * @param workingHours         the office hours the working-hours rules count in
 * @param rules                overrides by recipient kind (school, school-nurse, gp, ...; kinds not listed keep
 *                             their declaration's rule): {@code type} next-school-day or working-hours,
 *                             {@code working-hours} the amount (e.g. 4h)
 */
@ConfigurationProperties("notification.calendar")
public record CalendarProperties(
        @DefaultValue("classpath:calendar/bank-holidays-england-and-wales.json") List<String> bankHolidayFiles,
        @DefaultValue("england-and-wales") String bankHolidayDivision,
        @DefaultValue("classpath:calendar/sample-term-dates.json") String defaultTermDates,
        @DefaultValue("08:30") String defaultDayStartsAt,
        @DefaultValue WorkingHoursProperties workingHours,
        Map<String, Rule> rules) {

    public enum RuleType { NEXT_SCHOOL_DAY, WORKING_HOURS }

    public record Rule(RuleType type, @DefaultValue("4h") Duration workingHours) {
    }

    /**
     * @param startsAt hh:mm
     * @param endsAt   hh:mm
     * @param days     e.g. MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY
     */
    public record WorkingHoursProperties(@DefaultValue("09:00") String startsAt, @DefaultValue("17:00") String endsAt,
                                         @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
                                         List<String> days) {
    }
}
