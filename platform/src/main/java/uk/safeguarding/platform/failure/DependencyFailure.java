package uk.safeguarding.platform.failure;

/**
 * A dependency (database, broker, registry) failed: the batch is retried with backoff, never dead-lettered. Carries
 * only a safe description, never the original exception, whose message may quote a record.
 */
public class DependencyFailure extends RuntimeException implements SafeMessage {

    public DependencyFailure(String safeDescription) {
        super(safeDescription, null, false, false);
    }
}
