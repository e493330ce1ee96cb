package uk.safeguarding.ingest.api;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The answer to a submission: the platform's incident id for the police reference and what happened.")
public record SubmissionReceipt(
        @Schema(description = "Platform incident id, the same for every revision of one police reference.",
                example = "5f0c6f3e-3a0e-3b8e-9a57-2f1b3c6d7e8f") String incidentId,
        @Schema(example = "1") int revision,
        @Schema(description = "ACCEPTED (202): published now. ALREADY_ACCEPTED (200): this revision with this content "
                + "was accepted before and was not published again.") Status status) {

    public enum Status { ACCEPTED, ALREADY_ACCEPTED }
}
