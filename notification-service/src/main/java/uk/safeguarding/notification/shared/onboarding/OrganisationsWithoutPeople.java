package uk.safeguarding.notification.shared.onboarding;

import java.util.List;

/**
 * Organisations that would receive alerts but have nobody able to read them: no key adult or deputy who has chosen a
 * password ({@link People#READERS}, status {@link People.Status#ACTIVE}). Alerts to them wait in an inbox nobody signs
 * in to, and their email notices go to nobody. The routing module answers it from the directory (every directory
 * organisation is a recipient of its kind's alerts); a page in {@code shared} (the operations console) takes it as an
 * optional bean, absent in a process that runs delivery alone.
 */
public interface OrganisationsWithoutPeople {

    /**
     * One organisation: its id, name and kind (an {@code OrganisationKind} name), how many key adults and deputies have
     * been invited and have not yet chosen a password, and the organisation's contact email from the directory (if
     * any: whom to ask who should be invited).
     */
    record Organisation(String organisationId, String name, String kind, int invited, String contactEmail) {
    }

    /** Every such organisation, by kind then name. */
    List<Organisation> list();
}
