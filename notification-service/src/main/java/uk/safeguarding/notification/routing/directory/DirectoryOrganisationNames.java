package uk.safeguarding.notification.routing.directory;

import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.security.OrganisationNames;

import java.util.Optional;

/** Organisation names as the directory holds them. */
@Component
class DirectoryOrganisationNames implements OrganisationNames {

    private final OrganisationRepository organisations;

    DirectoryOrganisationNames(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Override
    public Optional<String> nameOf(String organisationId) {
        return organisations.findById(organisationId).map(OrganisationEntity::name);
    }
}
