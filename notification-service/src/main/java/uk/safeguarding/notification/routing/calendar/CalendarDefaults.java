package uk.safeguarding.notification.routing.calendar;

import java.time.LocalTime;

/**
 * What the configuration and the data files give every calendar decision: the rules, the bank holidays of the files
 * (those added through the admin API are read from the database), the area's default school calendar, and the
 * day start for a school calendar that gives none.
 */
public record CalendarDefaults(DeadlinePolicy policy, BankHolidays configuredBankHolidays, SchoolCalendar areaDefault,
                               LocalTime defaultDayStartsAt) {
}
