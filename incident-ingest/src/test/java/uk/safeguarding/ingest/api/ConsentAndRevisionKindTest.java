package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.ConsentStatus;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.testkit.TopicProbe;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/** The optional consent, revision kind and revision note of a submission reach the incidents topic. */
class ConsentAndRevisionKindTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    @Test
    void consentRefusedAndACorrectionArePublishedAsSent() {
        // given a correction of an incident where the mother refused consent
        ObjectNode submission = incident("WMP", uniqueReference()).put("revisionKind", "CORRECTION")
                .put("revisionNote", "Second child added");
        submission.putObject("consent").put("status", "REFUSED").put("note", "Declined at the scene");

        // when
        Http.Answer answer = http().post(PATH, submission);

        // then it is accepted (consent never blocks a share) and the record carries what was sent
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        String incidentId = answer.json().get("incidentId").asText();
        try (TopicProbe<IncidentReported> incidents = IngestInfrastructure.incidentsProbe()) {
            IncidentReported record = incidents.await(1, r -> incidentId.equals(r.getIncidentId())).get(0);
            assertThat(record.getConsent().getStatus()).isEqualTo(ConsentStatus.REFUSED);
            assertThat(record.getConsent().getNote()).isEqualTo("Declined at the scene");
            assertThat(record.getRevisionKind()).isEqualTo(RevisionKind.CORRECTION);
            assertThat(record.getRevisionNote()).isEqualTo("Second child added");
        }
    }

    @Test
    void unknownConsentStatusOrRevisionKindIsRefusedNamingTheField() {
        ObjectNode badKind = incident("WMP", uniqueReference()).put("revisionKind", "WITHDRAWN");
        ObjectNode badConsent = incident("WMP", uniqueReference());
        badConsent.putObject("consent").put("status", "MAYBE");
        ObjectNode consentWithoutStatus = incident("WMP", uniqueReference());
        consentWithoutStatus.putObject("consent").put("note", "x".repeat(2001));
        long before = IngestInfrastructure.incidentsEndOffset();

        Http.Answer kind = http().post(PATH, badKind);
        Http.Answer consent = http().post(PATH, badConsent);
        Http.Answer missing = http().post(PATH, consentWithoutStatus);

        assertThat(kind.status()).as(kind.toString()).isEqualTo(400);
        assertThat(errors(kind)).singleElement().asString()
                .isEqualTo("revisionKind: must be one of [REPORT, UPDATE, CORRECTION, NO_FURTHER_ACTION]");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(400);
        assertThat(errors(consent)).singleElement().asString()
                .isEqualTo("consent.status: must be one of [GIVEN, REFUSED, NOT_SOUGHT]");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(errors(missing)).containsExactlyInAnyOrder("consent.status: must not be null",
                "consent.note: size must be between 0 and 2000");
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);
    }

    private static List<String> errors(Http.Answer answer) {
        List<String> errors = new ArrayList<>();
        answer.json().get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("reason").asText()));
        return errors;
    }
}
