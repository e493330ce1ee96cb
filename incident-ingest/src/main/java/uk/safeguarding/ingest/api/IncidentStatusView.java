package uk.safeguarding.ingest.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Ids, revisions, statuses and instants only: nothing about the people in the incident. */
@Schema(name = "IncidentStatus", description = "What the platform has accepted for one incident.")
public record IncidentStatusView(
        String incidentId,
        @Schema(example = "WMP") String forceCode,
        String policeReference,
        int latestRevision,
        List<RevisionView> revisions) {

    @Schema(name = "IncidentRevisionStatus")
    public record RevisionView(
            int revision,
            @Schema(description = "PUBLISHED: the newest revision, on the incidents topic. SUPERSEDED: replaced by a newer revision.")
            String status,
            Instant receivedAt,
            Instant publishedAt) {
    }
}
