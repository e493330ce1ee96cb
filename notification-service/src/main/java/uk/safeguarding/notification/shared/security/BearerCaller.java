package uk.safeguarding.notification.shared.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a valid bearer token whose claims name the person's organisation and roles. */
final class BearerCaller extends AbstractAuthenticationToken {

    private final transient Jwt token;
    private final SignedInPerson person;

    BearerCaller(Jwt token, SignedInPerson person) {
        super(person.caller().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.token = token;
        this.person = person;
        setAuthenticated(true);
    }

    SignedInPerson person() {
        return person;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return person;
    }

    @Override
    public String getName() {
        return person.caller().personId();
    }
}
