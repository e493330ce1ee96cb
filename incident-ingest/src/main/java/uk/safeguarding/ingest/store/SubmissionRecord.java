package uk.safeguarding.ingest.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One accepted revision of an incident. Only ids, revision, status, instants and a content hash: the incident itself
 * (names, dates of birth, the child's words) lives on the topic, not here.
 */
@MappedEntity("incident_submission")
public record SubmissionRecord(
        @Id @GeneratedValue @Nullable Long id,
        String incidentId,
        String forceCode,
        String policeReference,
        int revision,
        SubmissionStatus status,
        String payloadSha256,
        Instant receivedAt,
        @Nullable Instant publishedAt,
        /** The OAuth2 client that submitted it; null for revisions accepted before clients were authenticated. */
        @Nullable String clientId) {
}
