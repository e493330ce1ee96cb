package uk.safeguarding.ingest.submission;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentAvroMapperTest {

    private final IncidentAvroMapper mapper = new IncidentAvroMapper();

    @Test
    void everyFieldOfTheSubmissionIsCarriedIntoTheAvroRecord() {
        IncidentSubmission submission = Submissions.valid(2, null, IncidentSubmission.RiskLevel.HIGH);

        IncidentReported record = mapper.toAvro(submission, "incident-1", Instant.parse("2026-11-20T23:15:00.999999Z"));

        assertThat(record.getIncidentId()).isEqualTo("incident-1");
        assertThat(record.getForceCode()).isEqualTo("WMP");
        assertThat(record.getPoliceReference()).isEqualTo("WMP-2026-000123");
        assertThat(record.getRevision()).isEqualTo(2);
        assertThat(record.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T22:15:00.123Z"));
        assertThat(record.getReportedAt()).isEqualTo(Instant.parse("2026-11-20T23:15:00.999Z"));
        assertThat(record.getLocation().getAddressLine()).isEqualTo("1 Example Road");
        assertThat(record.getLocation().getTown()).isEqualTo("Exampleton");
        assertThat(record.getLocation().getPostcode()).isEqualTo("EX1 1AA");
        assertThat(record.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(record.getCircumstances()).isEqualTo("Verbal argument overheard by neighbours.");
        assertThat(record.getAdults()).hasSize(2);
        assertThat(record.getAdults().get(0).getRole()).isEqualTo(AdultRole.VICTIM);
        assertThat(record.getAdults().get(0).getDateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(record.getAdults().get(0).getIdentifiers()).isEmpty();
        assertThat(record.getAdults().get(1).getRole()).isEqualTo(AdultRole.OTHER);
        assertThat(record.getAdults().get(1).getIdentifiers().get(0).getScheme()).isEqualTo(IdentifierScheme.PNC_ID);

        IncidentChild robin = record.getChildren().get(0);
        assertThat(robin.getGivenName()).isEqualTo("Robin");
        assertThat(robin.getFamilyName()).isEqualTo("Sample");
        assertThat(robin.getDateOfBirth()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(robin.getIdentifiers()).extracting(i -> i.getScheme() + ":" + i.getValue())
                .containsExactly("UPN:A123456789012", "NHS_NUMBER:9434765919");
        assertThat(robin.getPostcode()).isEqualTo("EX1 1AA");
        assertThat(robin.getPresent()).isTrue();
        assertThat(robin.getSpokenTo()).isTrue();
        assertThat(robin.getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(robin.getAdultPresentWhenSpokenTo()).isFalse();
        assertThat(robin.getWelfareCheckMade()).isTrue();

        assertThat(record.getAttendingOfficer().getName()).isEqualTo("PC Example");
        assertThat(record.getAttendingOfficer().getCollarNumber()).isEqualTo("1234");
        assertThat(record.getAttendingOfficer().getEmail()).isEqualTo("encompass@police.example");
        assertThat(record.getAttendingOfficer().getPhone()).isEqualTo("01234 567890");
    }

    @Test
    void optionalFieldsTheForceLeftOutTakeTheContractDefaults() {
        IncidentSubmission submission = Submissions.valid(null, null, null);

        IncidentReported record = mapper.toAvro(submission, "incident-1", Instant.parse("2026-11-20T23:15:00Z"));

        assertThat(record.getRevision()).isEqualTo(1);
        assertThat(record.getRiskLevel()).isEqualTo(RiskLevel.UNKNOWN);
        IncidentChild kit = record.getChildren().get(1);
        assertThat(kit.getDateOfBirth()).isNull();
        assertThat(kit.getIdentifiers()).isEmpty();
        assertThat(kit.getPostcode()).isNull();
        assertThat(kit.getPresent()).isFalse();
        assertThat(kit.getSpokenTo()).isFalse();
        assertThat(kit.getVoiceOfChild()).isNull();
        assertThat(kit.getAdultPresentWhenSpokenTo()).isNull();
        assertThat(kit.getWelfareCheckMade()).isFalse();
    }

    @Test
    void consentRevisionKindAndRevisionNoteAreCarriedIntoTheAvroRecord() {
        IncidentSubmission v = Submissions.valid(2, null, IncidentSubmission.RiskLevel.HIGH);
        IncidentSubmission submission = new IncidentSubmission(v.forceCode(), v.policeReference(), v.revision(),
                v.occurredAt(), v.reportedAt(), v.location(), v.riskLevel(), v.circumstances(), v.adults(), v.children(),
                v.attendingOfficer(),
                new IncidentSubmission.Consent(IncidentSubmission.ConsentStatus.REFUSED, " Mother declined. "),
                IncidentSubmission.RevisionKind.CORRECTION, "Date of birth corrected");

        IncidentReported record = mapper.toAvro(submission, "incident-1", Instant.parse("2026-11-20T23:15:00Z"));

        assertThat(record.getConsent().getStatus()).isEqualTo(uk.safeguarding.avro.ConsentStatus.REFUSED);
        assertThat(record.getConsent().getNote()).isEqualTo("Mother declined.");
        assertThat(record.getRevisionKind()).isEqualTo(uk.safeguarding.avro.RevisionKind.CORRECTION);
        assertThat(record.getRevisionNote()).isEqualTo("Date of birth corrected");
    }

    @Test
    void withoutConsentOrRevisionKindTheRecordSaysNothingAboutConsentAndIsAReport() {
        IncidentReported record = mapper.toAvro(Submissions.valid(1, null, IncidentSubmission.RiskLevel.HIGH),
                "incident-1", Instant.parse("2026-11-20T23:15:00Z"));

        assertThat(record.getConsent()).isNull();
        assertThat(record.getRevisionKind()).isEqualTo(uk.safeguarding.avro.RevisionKind.REPORT);
        assertThat(record.getRevisionNote()).isNull();
    }
}
