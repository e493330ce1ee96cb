package uk.safeguarding.notification.shared.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.Collection;
import java.util.List;

/**
 * A local account (a {@code person} row with a password hash) as Spring Security's user, for the inbox's form sign-in
 * and the APIs' HTTP Basic. Holds ids only; {@link Callers} reads the row again on each request.
 */
public final class LocalAccount implements UserDetails, CredentialsContainer {

    private final String personId;
    private final String email;
    private final String organisationId;
    private final PersonRole role;
    private String passwordHash;

    LocalAccount(String personId, String email, String organisationId, PersonRole role, String passwordHash) {
        this.personId = personId;
        this.email = email;
        this.organisationId = organisationId;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public String personId() {
        return personId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LocalAccount[" + personId + " at " + organisationId + "]";
    }
}
