package uk.safeguarding.notification.inbox;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.delivery.PersonEntity;
import uk.safeguarding.notification.delivery.PersonRepository;
import uk.safeguarding.notification.directory.OrganisationEntity;
import uk.safeguarding.notification.directory.OrganisationRepository;

/**
 * Who is signed in, as an {@link InboxPerson}. The seam for production sign-in: an OIDC principal will be mapped here
 * (by its verified e-mail claim) to the same {@code person} row a local account uses.
 */
@Component
public class InboxPeople {

    private final PersonRepository people;
    private final OrganisationRepository organisations;

    public InboxPeople(PersonRepository people, OrganisationRepository organisations) {
        this.people = people;
        this.organisations = organisations;
    }

    public InboxPerson current(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof InboxUser user) {
            // read again: a person moved to another organisation or removed loses access at once
            PersonEntity person = people.findById(user.person().personId())
                    .orElseThrow(() -> new IllegalStateException("signed-in person no longer exists"));
            String organisationName = organisations.findById(person.organisationId()).map(OrganisationEntity::name)
                    .orElse(person.organisationId());
            return new InboxPerson(person.id(), person.organisationId(), organisationName, person.displayName(),
                    person.email(), person.role());
        }
        throw new IllegalStateException("not signed in to the inbox");
    }

    /** The person as signed in (the organisation's name is looked up per request by {@link #current}). */
    static InboxPerson from(PersonEntity p) {
        return new InboxPerson(p.id(), p.organisationId(), p.organisationId(), p.displayName(), p.email(), p.role());
    }
}
