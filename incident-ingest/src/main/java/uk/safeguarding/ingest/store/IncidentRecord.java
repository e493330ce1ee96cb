package uk.safeguarding.ingest.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One police incident (force + reference), whatever its revisions. Its row is also the lock that serialises
 * concurrent submissions of the same incident, so a retry racing the original cannot publish twice.
 */
@MappedEntity("incident")
public record IncidentRecord(
        @Id String incidentId,
        String forceCode,
        String policeReference,
        int latestRevision,
        Instant createdAt,
        Instant updatedAt) {
}
