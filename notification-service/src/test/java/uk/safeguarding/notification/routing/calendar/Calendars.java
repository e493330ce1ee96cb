package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.routing.router.Deadlines;

import org.springframework.core.io.ClassPathResource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The shipped data files and London times, for the calendar tests. */
final class Calendars {

    static final BankHolidays ENGLAND_AND_WALES = BankHolidays.published(CalendarConfiguration.readBankHolidays(
            new ClassPathResource("calendar/bank-holidays-england-and-wales.json"), "england-and-wales"));
    static final SchoolCalendar SAMPLE_TERMS = CalendarConfiguration.readSchoolCalendar(
            new ClassPathResource("calendar/sample-term-dates.json"), SchoolCalendar.DEFAULT_DAY_START);

    private Calendars() {
    }

    /** A local time in London ("2026-11-20T22:15"); in the hour repeated in October, the first (BST) one. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Deadlines.ZONE).toInstant();
    }

    /** A UTC instant ("2026-10-25T01:30"). */
    static Instant utc(String dateTime) {
        return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
    }

    static SchoolCalendar.Term term(String name, String start, String end) {
        return new SchoolCalendar.Term(name, LocalDate.parse(start), LocalDate.parse(end));
    }

    static SchoolCalendar.Closure closure(String date, String reason) {
        return new SchoolCalendar.Closure(LocalDate.parse(date), reason);
    }

    /** The sample term dates with a school's own closures. */
    static SchoolCalendar sampleWithClosures(SchoolCalendar.Closure... closures) {
        return new SchoolCalendar(SAMPLE_TERMS.dayStartsAt(), SAMPLE_TERMS.terms(), List.of(closures));
    }

    static SchoolCalendar ownTerms(LocalTime dayStartsAt, SchoolCalendar.Term... terms) {
        return new SchoolCalendar(dayStartsAt, List.of(terms), List.of());
    }

    /** Standard rules, England and Wales holidays, the sample as the area's default, and these schools' own. */
    static CalendarDeadlines deadlines(Map<String, SchoolCalendar> schools) {
        return new CalendarDeadlines(DeadlinePolicy.standard(), ENGLAND_AND_WALES, SAMPLE_TERMS, schools);
    }
}
