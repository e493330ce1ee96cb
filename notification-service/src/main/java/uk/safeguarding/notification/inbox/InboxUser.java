package uk.safeguarding.notification.inbox;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A local account (a {@code person} row with a password hash) as Spring Security's user. */
final class InboxUser implements UserDetails, CredentialsContainer {

    private final InboxPerson person;
    private String passwordHash;

    InboxUser(InboxPerson person, String passwordHash) {
        this.person = person;
        this.passwordHash = passwordHash;
    }

    InboxPerson person() {
        return person;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + person.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return person.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "InboxUser[" + person.personId() + "]";
    }
}
