package uk.safeguarding.notification.routing.policy;

/** A policy file that cannot be applied exactly as written: the service must not start with it. */
public class InvalidPolicyException extends IllegalStateException {

    public InvalidPolicyException(String source, String problem) {
        super("Information-sharing policy " + source + " is invalid: " + problem);
    }
}
