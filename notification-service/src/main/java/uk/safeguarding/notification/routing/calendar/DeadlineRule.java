package uk.safeguarding.notification.routing.calendar;

import java.time.Duration;

/** How one kind of recipient's deadline is set. */
public sealed interface DeadlineRule {

    /** The start of the next school day of the school's calendar (Operation Encompass: before the next school day). */
    record NextSchoolDayStart() implements DeadlineRule {
    }

    /** A number of working hours after receipt ({@link WorkingHours}). */
    record WithinWorkingHours(Duration amount) implements DeadlineRule {
        public WithinWorkingHours {
            if (amount == null || amount.isNegative()) {
                throw new IllegalArgumentException("working hours must be zero or more: " + amount);
            }
        }
    }

    static DeadlineRule nextSchoolDay() {
        return new NextSchoolDayStart();
    }

    static DeadlineRule workingHours(long hours) {
        return new WithinWorkingHours(Duration.ofHours(hours));
    }
}
