package uk.safeguarding.notification.shared.security;

import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, however they signed in (local account by form or HTTP Basic, bearer token, OIDC): the person, the
 * one organisation they act for, and their roles there. Every access decision and every organisation-bound query uses
 * only this.
 */
public record Caller(String personId, String organisationId, Set<PersonRole> roles) {

    public Caller {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisationId, "organisationId");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(String personId, String organisationId, PersonRole... roles) {
        return new Caller(personId, organisationId, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
    }

    public boolean hasAnyRole(Set<PersonRole> wanted) {
        for (PersonRole r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // ids and roles only: never a name or an e-mail address in logs
        return "Caller[" + personId + " at " + organisationId + " " + roles + "]";
    }
}
