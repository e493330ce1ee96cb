package uk.safeguarding.notification.shared.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.security.PersonRepository;

import java.util.Optional;

/**
 * Who is signed in, from Spring Security's {@link Authentication}, however they signed in. A local account is read
 * again from the {@code person} table on every call, so a person moved to another organisation, given another role or
 * removed is treated so at once, even inside an existing inbox session.
 */
@Component
public class Callers {

    private final PersonRepository people;
    private final TokenClaims claims;

    public Callers(PersonRepository people, TokenClaims claims) {
        this.people = people;
        this.claims = claims;
    }

    public Optional<SignedInPerson> current(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof BearerCaller bearer) {
            return Optional.of(bearer.person());
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof LocalAccount account) {
            return people.findById(account.personId()).map(p -> new SignedInPerson(
                    Caller.of(p.id(), p.organisationId(), p.role()), p.displayName(), p.email()));
        }
        if (principal instanceof OidcUser oidc) {
            return claims.read(oidc.getClaims());
        }
        return Optional.empty();
    }

    /** The caller, or an exception: for code behind a rule that already required someone signed in. */
    public SignedInPerson require(Authentication authentication) {
        return current(authentication).orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }
}
