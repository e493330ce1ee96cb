package uk.safeguarding.notification.shared.security;

import java.util.Set;

/** Where a person lands after signing in, when they were not on their way to a page: their work, not a blank list. */
public final class Landing {

    private Landing() {
    }

    /**
     * The operations console for operations people and the working list for a caseworker, when they receive no
     * alerts; the organisation's alerts for everyone else.
     */
    public static String after(Set<PersonRole> roles) {
        boolean receivesAlerts = roles.contains(PersonRole.KEY_ADULT) || roles.contains(PersonRole.DEPUTY);
        if (roles.contains(PersonRole.OPERATIONS) && !receivesAlerts) {
            return "/operations";
        }
        if (roles.contains(PersonRole.UNRESOLVED_CASEWORKER) && !receivesAlerts) {
            return "/inbox/unresolved";
        }
        return "/inbox";
    }
}
