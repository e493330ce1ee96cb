package uk.safeguarding.platform.failure;

/**
 * An exception whose message is written for logs and dead-letter headers: it names fields and rules, never a value
 * from a record. Other exceptions are described by their type alone ({@link Failures#describe}).
 */
public interface SafeMessage {
}
