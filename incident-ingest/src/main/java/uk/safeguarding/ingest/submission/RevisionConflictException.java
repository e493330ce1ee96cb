package uk.safeguarding.ingest.submission;

/** The submission contradicts what was already accepted for the incident (answered 409). */
public class RevisionConflictException extends RuntimeException {

    /** A newer revision was accepted already, or this revision was accepted with other content. */
    public enum Kind { STALE_REVISION, CONFLICTING_CONTENT }

    private final Kind kind;
    private final String incidentId;
    private final int revision;
    private final int latestRevision;

    public RevisionConflictException(Kind kind, String incidentId, int revision, int latestRevision, String detail) {
        super(detail);
        this.kind = kind;
        this.incidentId = incidentId;
        this.revision = revision;
        this.latestRevision = latestRevision;
    }

    public Kind kind() {
        return kind;
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
