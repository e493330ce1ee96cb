package uk.safeguarding.notification.routing.router;

import java.time.LocalDate;
import java.time.Month;

/**
 * School age in England: a child starts reception on the first 1 September strictly after their 4th birthday
 * (born 1 September: a year later; born 31 August: the next day).
 */
public final class SchoolAge {

    private SchoolAge() {
    }

    public static LocalDate receptionStart(LocalDate dateOfBirth) {
        LocalDate fourth = dateOfBirth.plusYears(4);
        LocalDate septemberFirst = LocalDate.of(fourth.getYear(), Month.SEPTEMBER, 1);
        return septemberFirst.isAfter(fourth) ? septemberFirst : septemberFirst.plusYears(1);
    }

    /** Under school age on {@code date}: reception has not started yet. Unknown date of birth: not under school age. */
    public static boolean isUnderSchoolAge(LocalDate dateOfBirth, LocalDate date) {
        return dateOfBirth != null && date.isBefore(receptionStart(dateOfBirth));
    }
}
