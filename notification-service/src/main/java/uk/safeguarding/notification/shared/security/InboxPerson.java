package uk.safeguarding.notification.shared.security;

import uk.safeguarding.notification.shared.security.PersonRole;

/**
 * The signed-in person as the inbox pages see them, however they signed in (local account today, the organisation's
 * identity provider later): who they are and the one organisation whose alerts they may see.
 */
public record InboxPerson(String personId, String organisationId, String organisationName, String displayName,
                          String email, PersonRole role) {

    /** Operations and the local authority's education safeguarding lead watch for alerts nobody read in time. */
    public boolean seesBreaches() {
        return role == PersonRole.OPERATIONS || role == PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD;
    }

    /** The local authority's caseworkers and directory admins work the list of children not matched. */
    public boolean worksUnresolved() {
        return role == PersonRole.UNRESOLVED_CASEWORKER || role == PersonRole.DIRECTORY_ADMIN;
    }
}
