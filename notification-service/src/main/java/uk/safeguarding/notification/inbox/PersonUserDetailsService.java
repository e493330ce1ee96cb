package uk.safeguarding.notification.inbox;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import uk.safeguarding.notification.delivery.PersonEntity;
import uk.safeguarding.notification.delivery.PersonRepository;

import java.util.Locale;

/**
 * Local accounts: a person signs in with their e-mail address and password; people without a password hash (signed
 * in by their identity provider) cannot sign in here. Wrong e-mail and wrong password fail alike.
 */
@Service
public class PersonUserDetailsService implements UserDetailsService {

    private final PersonRepository people;

    public PersonUserDetailsService(PersonRepository people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        String normalised = normalise(email);
        PersonEntity person = people.findByEmail(normalised)
                .filter(p -> p.passwordHash() != null && !p.passwordHash().isBlank())
                .orElseThrow(() -> new UsernameNotFoundException("no local account"));
        return new InboxUser(InboxPeople.from(person), person.passwordHash());
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
