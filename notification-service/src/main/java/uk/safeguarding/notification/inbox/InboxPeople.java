package uk.safeguarding.notification.inbox;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.delivery.PersonRole;
import uk.safeguarding.notification.directory.OrganisationEntity;
import uk.safeguarding.notification.directory.OrganisationRepository;
import uk.safeguarding.notification.security.Callers;
import uk.safeguarding.notification.security.SignedInPerson;

/**
 * Who is signed in, as an {@link InboxPerson}, however they signed in (a local account, read again from the
 * {@code person} table on each request, or the organisation's identity provider, from its token's claims).
 */
@Component
public class InboxPeople {

    private final Callers callers;
    private final OrganisationRepository organisations;

    public InboxPeople(Callers callers, OrganisationRepository organisations) {
        this.callers = callers;
        this.organisations = organisations;
    }

    public InboxPerson current(Authentication authentication) {
        SignedInPerson signedIn = callers.current(authentication)
                .orElseThrow(() -> new IllegalStateException("not signed in to the inbox"));
        String organisationId = signedIn.caller().organisationId();
        String organisationName = organisations.findById(organisationId).map(OrganisationEntity::name)
                .orElse(organisationId);
        return new InboxPerson(signedIn.caller().personId(), organisationId, organisationName,
                signedIn.displayName(), signedIn.email(), primaryRole(signedIn));
    }

    /** A person from an identity provider may hold several roles; the page shows the first in the enum's order. */
    private static PersonRole primaryRole(SignedInPerson person) {
        return person.caller().roles().stream().sorted().findFirst().orElseThrow();
    }
}
