package uk.safeguarding.notification.shared.security;

import java.util.Optional;

/**
 * An organisation's name, for the heading of a signed-in person's pages. Each module answers from its own data (routing
 * from the directory, delivery from the alerts it received), so a process running either module alone still can.
 */
public interface OrganisationNames {

    Optional<String> nameOf(String organisationId);
}
