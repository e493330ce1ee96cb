package uk.safeguarding.ingest.submission;

import uk.safeguarding.ingest.submission.IncidentSubmission.Adult;
import uk.safeguarding.ingest.submission.IncidentSubmission.AdultRole;
import uk.safeguarding.ingest.submission.IncidentSubmission.Child;
import uk.safeguarding.ingest.submission.IncidentSubmission.Identifier;
import uk.safeguarding.ingest.submission.IncidentSubmission.IdentifierScheme;
import uk.safeguarding.ingest.submission.IncidentSubmission.Location;
import uk.safeguarding.ingest.submission.IncidentSubmission.Officer;
import uk.safeguarding.ingest.submission.IncidentSubmission.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A valid submission as Java objects, for unit tests; names are invented. */
final class Submissions {

    static IncidentSubmission valid(Integer revision, Instant reportedAt, RiskLevel risk) {
        return new IncidentSubmission("WMP", "WMP-2026-000123", revision, Instant.parse("2026-11-20T22:15:00.123456Z"),
                reportedAt, new Location("1 Example Road", "Exampleton", "ex11aa"), risk,
                "Verbal argument overheard by neighbours.",
                List.of(new Adult("Alex", "Sample", LocalDate.of(1990, 1, 1), AdultRole.VICTIM, null),
                        new Adult("Sam", "Sample", null, null,
                                List.of(new Identifier(IdentifierScheme.PNC_ID, "88/123456X")))),
                List.of(new Child("Robin", "Sample", LocalDate.of(2016, 5, 4),
                                List.of(new Identifier(IdentifierScheme.UPN, "A123456789012"),
                                        new Identifier(IdentifierScheme.NHS_NUMBER, "943 476 5919")),
                                "EX1 1AA", true, true, "I hid in my room", false, true),
                        new Child("Kit", "Sample", null, null, null, false, null, null, null, null)),
                new Officer("PC Example", "1234", "encompass@police.example", "01234 567890"));
    }

    private Submissions() {
    }
}
