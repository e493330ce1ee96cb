package uk.safeguarding.notification.shared.security;

/** What a person may do, within their own organisation. */
public enum PersonRole {
    /** Receives the organisation's alerts first (a school's designated safeguarding lead). */
    KEY_ADULT,
    /** Receives them when the key adult has not opened them in time (a school's deputy DSL). */
    DEPUTY,
    /** Sees breaches and delivery failures across the platform. */
    OPERATIONS,
    /** Maintains the directory. */
    DIRECTORY_ADMIN,
    /** The local authority's education safeguarding lead: sees breaches of schools in the area. */
    LA_EDUCATION_SAFEGUARDING_LEAD,
    /** The local authority's team that works the queue of children the platform could not route. */
    UNRESOLVED_CASEWORKER
}
