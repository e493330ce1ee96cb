package uk.safeguarding.notification.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Bank holidays (England and Wales, plus any an area adds), by date with their names. */
public record BankHolidays(Map<LocalDate, String> byDate) {

    public BankHolidays {
        byDate = Collections.unmodifiableMap(new TreeMap<>(byDate));
    }

    public static BankHolidays none() {
        return new BankHolidays(Map.of());
    }

    public boolean contains(LocalDate date) {
        return byDate.containsKey(date);
    }

    /** These holidays and the others; where both name a date, the others' name wins. */
    public BankHolidays plus(Map<LocalDate, String> others) {
        Map<LocalDate, String> all = new TreeMap<>(byDate);
        all.putAll(others);
        return new BankHolidays(all);
    }
}
