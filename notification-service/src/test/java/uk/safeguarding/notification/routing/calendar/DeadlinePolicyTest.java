package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.safeguarding.notification.routing.calendar.Calendars.closure;
import static uk.safeguarding.notification.routing.calendar.Calendars.london;
import static uk.safeguarding.notification.routing.calendar.Calendars.sampleWithClosures;

class DeadlinePolicyTest {

    private static CalendarProperties properties(Map<String, CalendarProperties.Rule> rules) {
        return new CalendarProperties(List.of("classpath:calendar/bank-holidays-england-and-wales.json"),
                "england-and-wales", "classpath:calendar/sample-term-dates.json", "08:30",
                new CalendarProperties.WorkingHoursProperties("08:00", "18:00", List.of("MONDAY", "TUESDAY")), rules);
    }

    @Test
    void aSchoolNurseAlertFollowsTheCalendarOfTheSchoolItServes() {
        CalendarDeadlines deadlines = Calendars.deadlines(Map.of("SCH-1",
                sampleWithClosures(closure("2026-11-23", "Staff training"))));

        assertThat(deadlines.dueBy(AgencyKind.SCHOOL_NURSE, "SCH-1", london("2026-11-20T23:15")))
                .isEqualTo(deadlines.dueBy(AgencyKind.SCHOOL, "SCH-1", london("2026-11-20T23:15")))
                .isEqualTo(london("2026-11-24T08:30"));
    }

    @Test
    void configuredRulesReplaceTheStandardOnesKindByKindAndTheRestStay() {
        DeadlinePolicy policy = CalendarConfiguration.policy(properties(Map.of(
                "gp", new CalendarProperties.Rule(CalendarProperties.RuleType.WORKING_HOURS, Duration.ofHours(8)),
                "local-authority", new CalendarProperties.Rule(CalendarProperties.RuleType.NEXT_SCHOOL_DAY,
                        Duration.ofHours(4)))));

        assertThat(policy.ruleFor(AgencyKind.GP)).isEqualTo(new DeadlineRule.WithinWorkingHours(Duration.ofHours(8)));
        assertThat(policy.ruleFor(AgencyKind.LOCAL_AUTHORITY)).isEqualTo(DeadlineRule.nextSchoolDay());
        assertThat(policy.ruleFor(AgencyKind.SCHOOL)).isEqualTo(DeadlineRule.nextSchoolDay());
        assertThat(policy.ruleFor(AgencyKind.PROBATION)).isEqualTo(DeadlineRule.workingHours(4));
        assertThat(policy.workingHours()).isEqualTo(new WorkingHours(LocalTime.of(8, 0), LocalTime.of(18, 0),
                java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)));
    }

    @Test
    void aRuleForAnUnknownRecipientKindStopsStartup() {
        assertThatThrownBy(() -> CalendarConfiguration.policy(properties(Map.of("bakery",
                new CalendarProperties.Rule(CalendarProperties.RuleType.WORKING_HOURS, Duration.ofHours(4))))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bakery");
    }
}
