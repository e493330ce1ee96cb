package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.notification.shared.web.InvalidRequestException;
import uk.safeguarding.notification.shared.web.InvalidRequestException.FieldProblem;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A school calendar as JSON: the admin API's body and the format of the default term dates file
 * ({@code calendar/sample-term-dates.json}). Fields are strings so that every bad one can be named at once.
 *
 * <pre>{"dayStartsAt":"08:30",
 *  "terms":[{"name":"Autumn 2026, first half","start":"2026-09-02","end":"2026-10-23"}],
 *  "closures":[{"date":"2026-09-01","reason":"INSET day"}]}</pre>
 *
 * {@code organisationId} and {@code source} ({@code SCHOOL} for a school's own calendar, {@code AREA_DEFAULT} for the
 * area's) are set in answers and ignored in requests (an organisationId other than the path's is refused).
 */
public record SchoolCalendarDocument(String organisationId, String source, String dayStartsAt, List<Term> terms,
                                     List<Closure> closures) {

    public static final String SOURCE_SCHOOL = "SCHOOL";
    public static final String SOURCE_AREA_DEFAULT = "AREA_DEFAULT";

    static final int MAX_TERMS = 100;
    static final int MAX_CLOSURES = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_REASON = 200;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public record Term(String name, String start, String end) {
    }

    public record Closure(String date, String reason) {
    }

    public static SchoolCalendarDocument of(String organisationId, String source, SchoolCalendar calendar) {
        return new SchoolCalendarDocument(organisationId, source, calendar.dayStartsAt().format(HH_MM),
                calendar.terms().stream().map(t -> new Term(t.name(), t.start().toString(), t.end().toString())).toList(),
                calendar.closures().stream().map(c -> new Closure(c.date().toString(), c.reason())).toList());
    }

    /**
     * The calendar this document describes.
     *
     * @param defaultDayStart the day's start when the document gives none
     * @throws InvalidRequestException naming every bad field
     */
    public SchoolCalendar toCalendar(LocalTime defaultDayStart) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalTime dayStart = defaultDayStart;
        if (dayStartsAt != null) {
            try {
                dayStart = LocalTime.parse(dayStartsAt.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("dayStartsAt", "must be a time of day (hh:mm)"));
            }
        }

        List<SchoolCalendar.Term> parsedTerms = new ArrayList<>();
        List<Term> termsIn = terms == null ? List.of() : terms;
        if (termsIn.size() > MAX_TERMS) {
            problems.add(new FieldProblem("terms", "must hold at most " + MAX_TERMS + " terms"));
        }
        for (int i = 0; i < termsIn.size(); i++) {
            String path = "terms[" + i + "]";
            Term t = termsIn.get(i);
            if (t == null) {
                problems.add(new FieldProblem(path, "must not be null"));
                continue;
            }
            text(t.name(), MAX_NAME, path + ".name", problems);
            LocalDate start = date(t.start(), path + ".start", problems);
            LocalDate end = date(t.end(), path + ".end", problems);
            if (start != null && end != null) {
                if (end.isBefore(start)) {
                    problems.add(new FieldProblem(path + ".end", "must not be before start"));
                } else {
                    for (int j = 0; j < parsedTerms.size(); j++) {
                        SchoolCalendar.Term other = parsedTerms.get(j);
                        if (other != null && !start.isAfter(other.end()) && !end.isBefore(other.start())) {
                            problems.add(new FieldProblem(path, "overlaps an earlier term (" + j + ")"));
                            break;
                        }
                    }
                }
            }
            parsedTerms.add(start != null && end != null && !end.isBefore(start)
                    ? new SchoolCalendar.Term(t.name() == null ? null : t.name().trim(), start, end) : null);
        }

        List<SchoolCalendar.Closure> parsedClosures = new ArrayList<>();
        List<Closure> closuresIn = closures == null ? List.of() : closures;
        if (closuresIn.size() > MAX_CLOSURES) {
            problems.add(new FieldProblem("closures", "must hold at most " + MAX_CLOSURES + " closures"));
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < closuresIn.size(); i++) {
            String path = "closures[" + i + "]";
            Closure c = closuresIn.get(i);
            if (c == null) {
                problems.add(new FieldProblem(path, "must not be null"));
                continue;
            }
            LocalDate date = date(c.date(), path + ".date", problems);
            text(c.reason(), MAX_REASON, path + ".reason", problems);
            if (date != null) {
                Integer earlier = seen.putIfAbsent(date, i);
                if (earlier != null) {
                    problems.add(new FieldProblem(path + ".date", "repeats closure " + earlier));
                }
                parsedClosures.add(new SchoolCalendar.Closure(date, c.reason() == null ? null : c.reason().trim()));
            }
        }

        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new SchoolCalendar(dayStart, parsedTerms, parsedClosures);
    }

    private static void text(String value, int max, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (value.trim().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problems.add(new FieldProblem(field, "must be between " + EARLIEST + " and " + LATEST));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (yyyy-mm-dd)"));
            return null;
        }
    }
}
