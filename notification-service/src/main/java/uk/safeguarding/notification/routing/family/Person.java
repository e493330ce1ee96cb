package uk.safeguarding.notification.routing.family;

/** A directory person: a child or an adult, by directory id (children and adults have separate id spaces). */
public record Person(Kind kind, String id) {

    public enum Kind { CHILD, ADULT }

    public static Person child(String id) {
        return new Person(Kind.CHILD, id);
    }

    public static Person adult(String id) {
        return new Person(Kind.ADULT, id);
    }
}
