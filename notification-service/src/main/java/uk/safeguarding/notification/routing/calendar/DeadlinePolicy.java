package uk.safeguarding.notification.routing.calendar;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * Each recipient kind's rule (its declaration's, unless {@code notification.calendar.rules} overrides it) and the working hours the working-hours rules count in. A kind without a rule of its own
 * follows {@link #otherwise}.
 */
public record DeadlinePolicy(Map<AgencyKind, DeadlineRule> rules, DeadlineRule otherwise, WorkingHours workingHours) {

    /**
     * Each kind's deadline as its declaration says ({@link OrganisationKind#deadline()}): school, school nurse and
     * college by the start of the next school day, every other kind (and a kind this reader does not know) within 4
     * working hours, Monday to Friday 09:00-17:00.
     */
    public static DeadlinePolicy standard() {
        Map<AgencyKind, DeadlineRule> rules = new EnumMap<>(AgencyKind.class);
        for (OrganisationKind kind : OrganisationKind.values()) {
            rules.put(kind.agencyKind(), switch (kind.deadline()) {
                case NEXT_SCHOOL_DAY -> DeadlineRule.nextSchoolDay();
                case FOUR_WORKING_HOURS -> DeadlineRule.workingHours(4);
            });
        }
        return new DeadlinePolicy(rules, DeadlineRule.workingHours(4), WorkingHours.OFFICE);
    }

    public DeadlinePolicy {
        rules = Map.copyOf(rules);
    }

    public DeadlineRule ruleFor(AgencyKind kind) {
        return kind == null ? otherwise : rules.getOrDefault(kind, otherwise);
    }
}
