package uk.safeguarding.notification.shared.security;

import uk.safeguarding.notification.shared.security.PersonRole;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Who may make a request that matched a line of the {@link AccessMatrix}. */
public sealed interface AccessRule {

    /** The decision for this caller (empty: nobody signed in) and the path's captured variables. */
    AccessDecision decide(Caller caller, Map<String, String> pathVariables);

    /** Anyone, signed in or not (sign-in page, health, error page). */
    record Public() implements AccessRule {
        @Override
        public AccessDecision decide(Caller caller, Map<String, String> pathVariables) {
            return AccessDecision.PERMIT;
        }
    }

    /**
     * Any signed-in person. Used only where every query behind the path is bound to the caller's own organisation
     * (the inbox, {@code /api/v1/alerts}): that binding, not this rule, keeps other organisations' data out.
     */
    record SignedIn() implements AccessRule {
        @Override
        public AccessDecision decide(Caller caller, Map<String, String> pathVariables) {
            return caller == null ? AccessDecision.UNAUTHENTICATED : AccessDecision.PERMIT;
        }
    }

    /** A signed-in person with at least one of these roles. */
    record AnyRole(Set<PersonRole> roles) implements AccessRule {
        public AnyRole {
            roles = Set.copyOf(roles);
        }

        @Override
        public AccessDecision decide(Caller caller, Map<String, String> pathVariables) {
            if (caller == null) {
                return AccessDecision.UNAUTHENTICATED;
            }
            return caller.hasAnyRole(roles) ? AccessDecision.PERMIT : AccessDecision.FORBIDDEN;
        }
    }

    /**
     * A person with one of {@code ownRoles} at the organisation named by the path variable {@code organisationVariable},
     * or a person with one of {@code anyOrganisationRoles} (wherever they are).
     */
    record OwnOrganisation(String organisationVariable, Set<PersonRole> ownRoles,
                           Set<PersonRole> anyOrganisationRoles) implements AccessRule {
        public OwnOrganisation {
            ownRoles = Set.copyOf(ownRoles);
            anyOrganisationRoles = Set.copyOf(anyOrganisationRoles);
        }

        @Override
        public AccessDecision decide(Caller caller, Map<String, String> pathVariables) {
            if (caller == null) {
                return AccessDecision.UNAUTHENTICATED;
            }
            if (caller.hasAnyRole(anyOrganisationRoles)) {
                return AccessDecision.PERMIT;
            }
            String organisation = pathVariables.get(organisationVariable);
            return organisation != null && organisation.equals(caller.organisationId()) && caller.hasAnyRole(ownRoles)
                    ? AccessDecision.PERMIT : AccessDecision.FORBIDDEN;
        }
    }

    /** Nobody: what is not in the matrix is closed. Signed-in callers are refused; others are asked to sign in. */
    record Deny() implements AccessRule {
        @Override
        public AccessDecision decide(Caller caller, Map<String, String> pathVariables) {
            return caller == null ? AccessDecision.UNAUTHENTICATED : AccessDecision.FORBIDDEN;
        }
    }

    static AccessRule anyRole(PersonRole first, PersonRole... rest) {
        return new AnyRole(EnumSet.of(first, rest));
    }
}
