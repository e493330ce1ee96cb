package uk.safeguarding.ingest.store;

/**
 * Only revisions the broker acknowledged are stored: a failed publish leaves no row, so a retry publishes.
 * PUBLISHED is the newest; SUPERSEDED ones were replaced by a newer revision.
 */
public enum SubmissionStatus {
    PUBLISHED,
    SUPERSEDED
}
