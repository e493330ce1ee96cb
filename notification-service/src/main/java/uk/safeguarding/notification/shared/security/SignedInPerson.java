package uk.safeguarding.notification.shared.security;

/** A signed-in person: what access decisions use ({@link Caller}) and what pages show (name, e-mail). */
public record SignedInPerson(Caller caller, String displayName, String email) {

    @Override
    public String toString() {
        return caller.toString();
    }
}
