package uk.safeguarding.notification.shared.security;

import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a person from an identity provider's claims (an API bearer token, an OIDC ID token): the organisation id from
 * the {@code organisationClaim} (default {@code org}), the roles from the {@code rolesClaim} (default {@code roles}: a
 * list, or one space- or comma-separated string, of {@link PersonRole} names, case-insensitive, {@code ROLE_} prefix
 * and dashes allowed), the person from {@code sub}, their name from {@code name} and e-mail from {@code email}. A token
 * without an organisation or without any known role signs nobody in: the provider must say both.
 */
public final class TokenClaims {

    /** Person ids made from a subject are prefixed so they can never collide with a local person's id. */
    static final String SUBJECT_PREFIX = "idp:";
    private static final int PERSON_ID_MAX = 64;

    private final String organisationClaim;
    private final String rolesClaim;

    public TokenClaims(String organisationClaim, String rolesClaim) {
        this.organisationClaim = organisationClaim;
        this.rolesClaim = rolesClaim;
    }

    public Optional<SignedInPerson> read(Map<String, Object> claims) {
        String subject = text(claims.get("sub"));
        String organisation = text(claims.get(organisationClaim));
        Set<PersonRole> roles = roles(claims.get(rolesClaim));
        if (subject == null || organisation == null || roles.isEmpty()) {
            return Optional.empty();
        }
        String personId = SUBJECT_PREFIX + subject;
        if (personId.length() > PERSON_ID_MAX) {
            personId = personId.substring(0, PERSON_ID_MAX);
        }
        String name = text(claims.get("name"));
        return Optional.of(new SignedInPerson(new Caller(personId, organisation, roles),
                name == null ? subject : name, text(claims.get("email"))));
    }

    static Set<PersonRole> roles(Object claim) {
        Collection<?> values;
        if (claim instanceof Collection<?> c) {
            values = c;
        } else if (claim instanceof String s) {
            values = List.of(s.split("[\\s,]+"));
        } else {
            return Set.of();
        }
        Set<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
        for (Object v : values) {
            String name = v == null ? "" : v.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.startsWith("ROLE_")) {
                name = name.substring("ROLE_".length());
            }
            for (PersonRole r : PersonRole.values()) {
                if (r.name().equals(name)) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
