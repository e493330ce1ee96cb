package uk.safeguarding.notification.shared.security;

/** The outcome of a request against the {@link AccessMatrix}. */
public enum AccessDecision {
    PERMIT,
    /** Nobody is signed in and the path needs someone: 401 on the APIs, the sign-in page in the inbox. */
    UNAUTHENTICATED,
    /** Signed in, but not allowed: 403. */
    FORBIDDEN
}
