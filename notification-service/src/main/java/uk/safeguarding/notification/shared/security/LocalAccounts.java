package uk.safeguarding.notification.shared.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import uk.safeguarding.notification.shared.security.PersonEntity;
import uk.safeguarding.notification.shared.security.PersonRepository;

import java.util.Locale;

/**
 * Local accounts: a person signs in with their e-mail address and password (inbox form, API HTTP Basic); people
 * without a password hash (signed in by their identity provider) cannot sign in here. Wrong e-mail and wrong password
 * fail alike.
 */
@Service
public class LocalAccounts implements UserDetailsService {

    private final PersonRepository people;

    public LocalAccounts(PersonRepository people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        PersonEntity person = people.findByEmail(normalise(email))
                .filter(p -> p.passwordHash() != null && !p.passwordHash().isBlank())
                .orElseThrow(() -> new UsernameNotFoundException("no local account"));
        return new LocalAccount(person.id(), person.email(), person.organisationId(), person.role(),
                person.passwordHash());
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
