package uk.safeguarding.ingest.submission;

/** The submission contradicts what was already accepted for the incident (answered 409). */
public class RevisionConflictException extends RuntimeException {

    private final String incidentId;
    private final int revision;
    private final int latestRevision;

    public RevisionConflictException(String incidentId, int revision, int latestRevision, String detail) {
        super(detail);
        this.incidentId = incidentId;
        this.revision = revision;
        this.latestRevision = latestRevision;
    }

    public String incidentId() {
        return incidentId;
    }

    public int revision() {
        return revision;
    }

    public int latestRevision() {
        return latestRevision;
    }
}
