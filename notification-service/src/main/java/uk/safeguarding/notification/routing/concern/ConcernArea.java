package uk.safeguarding.notification.routing.concern;

import java.time.Period;
import java.util.Set;

/**
 * One area's concern rules and who hears about them.
 *
 * @param name                       the area's name (configuration key)
 * @param forces                     the police forces whose incidents belong to the area (empty for the default area)
 * @param recipientOrganisationId    the area's children's social care (its safeguarding hub), a directory organisation
 * @param highRisk                   whether a HIGH DASH risk level is referred (to the risk assessment conference)
 * @param escalatingConcernIncidents the family's incidents in the window, this one included, that make an escalating
 *                                   concern (0: rule off)
 * @param repeatReferral             whether an incident within the window after the family's last referral is
 *                                   referred again, flagged as a repeat
 * @param window                     the window of the escalating-concern and repeat-referral rules
 */
public record ConcernArea(String name, Set<String> forces, String recipientOrganisationId, boolean highRisk,
                          int escalatingConcernIncidents, boolean repeatReferral, Period window) {

    public ConcernArea {
        forces = Set.copyOf(forces);
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("concern area " + name + ": window must be positive");
        }
    }
}
