package uk.safeguarding.ingest.submission;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.submission.Submissions.valid;

class PayloadFingerprintTest {

    @Test
    void sameContentRestampedWithAnotherReportedAtHasTheSameFingerprint() {
        IncidentSubmission original = valid(1, Instant.parse("2026-11-20T23:15:00Z"), IncidentSubmission.RiskLevel.MEDIUM);
        IncidentSubmission retried = valid(1, Instant.parse("2026-11-20T23:20:00Z"), IncidentSubmission.RiskLevel.MEDIUM);

        assertThat(PayloadFingerprint.of(retried)).isEqualTo(PayloadFingerprint.of(original)).hasSize(64);
    }

    @Test
    void defaultRevisionCountsAsRevisionOne() {
        assertThat(PayloadFingerprint.of(valid(null, null, IncidentSubmission.RiskLevel.MEDIUM)))
                .isEqualTo(PayloadFingerprint.of(valid(1, null, IncidentSubmission.RiskLevel.MEDIUM)));
    }

    @Test
    void changedContentHasAnotherFingerprint() {
        assertThat(PayloadFingerprint.of(valid(1, null, IncidentSubmission.RiskLevel.HIGH)))
                .isNotEqualTo(PayloadFingerprint.of(valid(1, null, IncidentSubmission.RiskLevel.MEDIUM)));
    }

    @Test
    void anExplicitReportWithoutConsentHasTheFingerprintOfASubmissionThatSaysNeither() {
        IncidentSubmission v = valid(1, null, IncidentSubmission.RiskLevel.MEDIUM);

        assertThat(PayloadFingerprint.of(with(v, null, IncidentSubmission.RevisionKind.REPORT, null)))
                .isEqualTo(PayloadFingerprint.of(v));
    }

    @Test
    void consentRevisionKindAndNoteAreContent() {
        IncidentSubmission v = valid(1, null, IncidentSubmission.RiskLevel.MEDIUM);
        var refused = new IncidentSubmission.Consent(IncidentSubmission.ConsentStatus.REFUSED, null);

        assertThat(PayloadFingerprint.of(with(v, refused, null, null))).isNotEqualTo(PayloadFingerprint.of(v));
        assertThat(PayloadFingerprint.of(with(v, null, IncidentSubmission.RevisionKind.UPDATE, null)))
                .isNotEqualTo(PayloadFingerprint.of(v));
        assertThat(PayloadFingerprint.of(with(v, null, null, "note"))).isNotEqualTo(PayloadFingerprint.of(v));
    }

    private static IncidentSubmission with(IncidentSubmission v, IncidentSubmission.Consent consent,
                                           IncidentSubmission.RevisionKind kind, String note) {
        return new IncidentSubmission(v.forceCode(), v.policeReference(), v.revision(), v.occurredAt(), v.reportedAt(),
                v.location(), v.riskLevel(), v.circumstances(), v.adults(), v.children(), v.attendingOfficer(),
                consent, kind, note);
    }
}
