package uk.safeguarding.ingest.publishing;

/** The broker did not acknowledge the incident in time: it was not accepted and must be submitted again. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String incidentId, Throwable cause) {
        super("Incident " + incidentId + " could not be published", cause);
    }
}
