package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.avro.AgencyKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * Each recipient kind's rule and the working hours the working-hours rules count in. A kind without a rule of its own
 * follows {@link #otherwise}.
 */
public record DeadlinePolicy(Map<AgencyKind, DeadlineRule> rules, DeadlineRule otherwise, WorkingHours workingHours) {

    /**
     * The defaults: school and school nurse by the start of the next school day; GP, health visiting, probation and
     * the local authority (and any other kind) within 4 working hours, Monday to Friday 09:00-17:00.
     */
    public static DeadlinePolicy standard() {
        Map<AgencyKind, DeadlineRule> rules = new EnumMap<>(AgencyKind.class);
        rules.put(AgencyKind.SCHOOL, DeadlineRule.nextSchoolDay());
        rules.put(AgencyKind.SCHOOL_NURSE, DeadlineRule.nextSchoolDay());
        rules.put(AgencyKind.GP, DeadlineRule.workingHours(4));
        rules.put(AgencyKind.HEALTH_VISITING, DeadlineRule.workingHours(4));
        rules.put(AgencyKind.PROBATION, DeadlineRule.workingHours(4));
        rules.put(AgencyKind.LOCAL_AUTHORITY, DeadlineRule.workingHours(4));
        return new DeadlinePolicy(rules, DeadlineRule.workingHours(4), WorkingHours.OFFICE);
    }

    public DeadlinePolicy {
        rules = Map.copyOf(rules);
    }

    public DeadlineRule ruleFor(AgencyKind kind) {
        return kind == null ? otherwise : rules.getOrDefault(kind, otherwise);
    }
}
