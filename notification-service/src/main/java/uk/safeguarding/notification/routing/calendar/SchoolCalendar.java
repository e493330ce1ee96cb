package uk.safeguarding.notification.routing.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A school's year: its terms (pupil days from start to end, inclusive; the gaps are holidays and half terms), days it
 * is closed within them (training/INSET days, closures) and the time its day starts. Weekends and bank holidays are
 * not school days whatever the terms say ({@link SchoolDays}).
 */
public record SchoolCalendar(LocalTime dayStartsAt, List<Term> terms, List<Closure> closures) {

    public static final LocalTime DEFAULT_DAY_START = LocalTime.of(8, 30);

    public record Term(String name, LocalDate start, LocalDate end) {
        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    public record Closure(LocalDate date, String reason) {
    }

    public SchoolCalendar {
        dayStartsAt = dayStartsAt == null ? DEFAULT_DAY_START : dayStartsAt;
        terms = terms == null ? List.of() : terms.stream().sorted(Comparator.comparing(Term::start)).toList();
        closures = closures == null ? List.of() : closures.stream().sorted(Comparator.comparing(Closure::date)).toList();
    }

    /**
     * Whether the date is in term, or empty when these term dates do not say: they cover the whole of every school
     * year (1 September to 31 August) that one of their terms falls in, and nothing else.
     */
    public Optional<Boolean> inTerm(LocalDate date) {
        int year = schoolYear(date);
        boolean covered = terms.stream().anyMatch(t -> schoolYear(t.start()) <= year && year <= schoolYear(t.end()));
        return covered ? Optional.of(terms.stream().anyMatch(t -> t.contains(date))) : Optional.empty();
    }

    /** The school year a date belongs to, by the calendar year it starts in (1 September). */
    static int schoolYear(LocalDate date) {
        return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    }

    /** The last day these term dates say anything about (31 August of their last school year), if they have terms. */
    public Optional<LocalDate> coveredThrough() {
        return terms.stream().map(t -> schoolYear(t.end())).max(Integer::compare)
                .map(year -> LocalDate.of(year + 1, 8, 31));
    }

    public boolean closedOn(LocalDate date) {
        return closures.stream().anyMatch(c -> c.date().equals(date));
    }
}
