package uk.safeguarding.notification.shared.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import java.util.List;
import java.util.Optional;

/**
 * Who is signed in, as an {@link InboxPerson}, however they signed in (a local account, read again from the
 * {@code person} table on each request, or the organisation's identity provider, from its token's claims).
 */
@Component
public class InboxPeople {

    private final Callers callers;
    private final List<OrganisationNames> names;

    public InboxPeople(Callers callers, List<OrganisationNames> names) {
        this.callers = callers;
        this.names = names;
    }

    public InboxPerson current(Authentication authentication) {
        SignedInPerson signedIn = callers.current(authentication)
                .orElseThrow(() -> new IllegalStateException("not signed in to the inbox"));
        String organisationId = signedIn.caller().organisationId();
        String organisationName = names.stream().map(n -> n.nameOf(organisationId)).flatMap(Optional::stream)
                .findFirst().orElse(organisationId);
        return new InboxPerson(signedIn.caller().personId(), organisationId, organisationName,
                signedIn.displayName(), signedIn.email(), primaryRole(signedIn));
    }

    /** A person from an identity provider may hold several roles; the page shows the first in the enum's order. */
    private static PersonRole primaryRole(SignedInPerson person) {
        return person.caller().roles().stream().sorted().findFirst().orElseThrow();
    }
}
