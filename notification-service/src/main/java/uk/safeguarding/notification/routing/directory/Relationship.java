package uk.safeguarding.notification.routing.directory;

/** How an adult of a household is related to a child of it. */
public enum Relationship {
    PARENT, STEP_PARENT, PARENTS_PARTNER, GUARDIAN, RELATIVE, OTHER
}
