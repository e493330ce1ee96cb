package uk.safeguarding.notification.routing.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bank holidays (England and Wales, plus any an area adds), by date with their names, as published up to
 * {@code publishedThrough}. After that date the regular rules stand in ({@link RegularBankHolidays}): a deadline
 * past the published data still skips Christmas and Easter, and operations are warned months before
 * ({@link CalendarCoverage}) to load the next published file.
 */
public record BankHolidays(Map<LocalDate, String> byDate, LocalDate publishedThrough) {

    private static final Map<Integer, Map<LocalDate, String>> REGULAR = new ConcurrentHashMap<>();

    public BankHolidays {
        byDate = Collections.unmodifiableMap(new TreeMap<>(byDate));
    }

    /** Exactly these holidays, on every date (no rules stand in). */
    public BankHolidays(Map<LocalDate, String> byDate) {
        this(byDate, LocalDate.MAX);
    }

    /** A published list: it holds every holiday of each year it names, up to the end of the last. */
    public static BankHolidays published(Map<LocalDate, String> byDate) {
        LocalDate through = byDate.keySet().stream().max(LocalDate::compareTo)
                .map(last -> LocalDate.of(last.getYear(), 12, 31)).orElse(LocalDate.MIN);
        return new BankHolidays(byDate, through);
    }

    public static BankHolidays none() {
        return new BankHolidays(Map.of());
    }

    public boolean contains(LocalDate date) {
        if (byDate.containsKey(date)) {
            return true;
        }
        return date.isAfter(publishedThrough)
                && REGULAR.computeIfAbsent(date.getYear(), RegularBankHolidays::of).containsKey(date);
    }

    /** These holidays and the others; where both name a date, the others' name wins. */
    public BankHolidays plus(Map<LocalDate, String> others) {
        Map<LocalDate, String> all = new TreeMap<>(byDate);
        all.putAll(others);
        return new BankHolidays(all, publishedThrough);
    }
}
