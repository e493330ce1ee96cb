package uk.safeguarding.notification.routing.router;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolAgeTest {

    @ParameterizedTest(name = "born {0}: reception from {1}")
    @CsvSource({
            "2020-08-31, 2024-09-01",  // 4 on 31 August: starts the next day
            "2020-09-01, 2025-09-01",  // 4 on 1 September: not strictly after, so a year later
            "2020-09-02, 2025-09-01",
            "2021-01-15, 2025-09-01",
            "2020-02-29, 2024-09-01",  // leap-day birthday
            "2019-12-31, 2024-09-01"})
    void receptionStartsOnTheFirstFirstOfSeptemberStrictlyAfterTheFourthBirthday(LocalDate born, LocalDate reception) {
        assertThat(SchoolAge.receptionStart(born)).isEqualTo(reception);
    }

    @Test
    void aChildIsUnderSchoolAgeUntilTheDayBeforeReceptionStarts() {
        LocalDate born = LocalDate.of(2020, 9, 1);
        assertThat(SchoolAge.isUnderSchoolAge(born, LocalDate.of(2025, 8, 31))).isTrue();
        assertThat(SchoolAge.isUnderSchoolAge(born, LocalDate.of(2025, 9, 1))).isFalse();
        LocalDate augustBorn = LocalDate.of(2020, 8, 31);
        assertThat(SchoolAge.isUnderSchoolAge(augustBorn, LocalDate.of(2024, 8, 31))).isTrue();
        assertThat(SchoolAge.isUnderSchoolAge(augustBorn, LocalDate.of(2024, 9, 1))).isFalse();
    }

    @Test
    void anUnknownDateOfBirthIsNotUnderSchoolAge() {
        assertThat(SchoolAge.isUnderSchoolAge(null, LocalDate.of(2025, 1, 1))).isFalse();
    }
}
