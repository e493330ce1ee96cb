package uk.safeguarding.ingest.api;

import uk.safeguarding.testkit.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.child;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

class IncidentSubmissionTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    private TopicProbe<IncidentReported> incidents;

    @BeforeEach
    void openProbe() {
        incidents = IngestInfrastructure.incidentsProbe();
    }

    @AfterEach
    void closeProbe() {
        incidents.close();
    }

    @Test
    void validIncidentIsAcceptedAndAppearsOnceOnTheIncidentsTopicWithEveryFieldMapped() {
        // given
        String reference = uniqueReference();
        String incidentId = IncidentIds.forPoliceReference("WMP", reference);
        long before = IngestInfrastructure.incidentsEndOffset();

        // when
        Http.Answer answer = http().post(PATH, incident("WMP", reference));

        // then the force is told it was accepted, with the id and where to follow it
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(answer.json().get("revision").asInt()).isEqualTo(1);
        assertThat(answer.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.header("Location")).isEqualTo(PATH + "/" + incidentId);

        // and exactly one record was published, keyed by incident id, every field carried over
        assertThat(IngestInfrastructure.incidentsEndOffset() - before).isEqualTo(1);
        List<ConsumerRecord<String, IncidentReported>> published =
                incidents.awaitRecords(1, r -> incidentId.equals(r.key()));
        assertThat(published).hasSize(1);
        IncidentReported record = published.get(0).value();
        assertThat(record.getIncidentId()).isEqualTo(incidentId);
        assertThat(record.getForceCode()).isEqualTo("WMP");
        assertThat(record.getPoliceReference()).isEqualTo(reference);
        assertThat(record.getRevision()).isEqualTo(1);
        assertThat(record.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T22:15:00Z"));
        assertThat(record.getReportedAt()).isEqualTo(Instant.parse("2026-11-20T23:15:00Z"));
        assertThat(record.getLocation().getAddressLine()).isEqualTo("1 Example Road");
        assertThat(record.getLocation().getTown()).isEqualTo("Exampleton");
        assertThat(record.getLocation().getPostcode()).isEqualTo("EX1 1AA");
        assertThat(record.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(record.getCircumstances()).isEqualTo("Verbal argument overheard by neighbours; officers attended.");

        assertThat(record.getAdults()).extracting(IncidentAdult::getGivenName, IncidentAdult::getFamilyName,
                        IncidentAdult::getDateOfBirth, IncidentAdult::getRole)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Alex", "Sample", LocalDate.of(1990, 1, 1), AdultRole.VICTIM),
                        org.assertj.core.groups.Tuple.tuple("Sam", "Sample", LocalDate.of(1988, 2, 2), AdultRole.SUSPECT));
        assertThat(record.getAdults().get(1).getIdentifiers()).singleElement()
                .satisfies(id -> {
                    assertThat(id.getScheme()).isEqualTo(IdentifierScheme.PNC_ID);
                    assertThat(id.getValue()).isEqualTo("88/123456X");
                });

        IncidentChild child = record.getChildren().get(0);
        assertThat(record.getChildren()).hasSize(1);
        assertThat(child.getGivenName()).isEqualTo("Robin");
        assertThat(child.getFamilyName()).isEqualTo("Sample");
        assertThat(child.getDateOfBirth()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(child.getIdentifiers()).extracting(id -> id.getScheme() + ":" + id.getValue())
                .containsExactly("UPN:A123456789012", "NHS_NUMBER:9434765919");
        assertThat(child.getPostcode()).isEqualTo("EX1 1AA");
        assertThat(child.getPresent()).isTrue();
        assertThat(child.getSpokenTo()).isTrue();
        assertThat(child.getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(child.getAdultPresentWhenSpokenTo()).isFalse();
        assertThat(child.getWelfareCheckMade()).isTrue();

        assertThat(record.getAttendingOfficer().getName()).isEqualTo("PC Example");
        assertThat(record.getAttendingOfficer().getCollarNumber()).isEqualTo("1234");
        assertThat(record.getAttendingOfficer().getEmail()).isEqualTo("encompass@police.example");
        assertThat(record.getAttendingOfficer().getPhone()).isEqualTo("01234 567890");
    }

    @Test
    void sameSubmissionTwiceIsPublishedOnceAndAnswersTheSameIncidentId() {
        // given an accepted incident
        String reference = uniqueReference();
        ObjectNode submission = incident("GMP", reference);
        long before = IngestInfrastructure.incidentsEndOffset();
        Http.Answer first = http().post(PATH, submission);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);

        // when the force's system sends it again (say, after a timeout), reportedAt restamped
        submission.put("reportedAt", "2026-11-20T23:16:00Z");
        Http.Answer second = http().post(PATH, submission);

        // then it is told it was already accepted, under the same id, and nothing more was published
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("incidentId").asText()).isEqualTo(first.json().get("incidentId").asText());
        assertThat(second.json().get("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(IngestInfrastructure.incidentsEndOffset() - before).isEqualTo(1);
        String incidentId = first.json().get("incidentId").asText();
        assertThat(incidents.awaitRecords(1, r -> incidentId.equals(r.key()))).hasSize(1);
    }

    @Test
    void sameSubmissionSentTwiceAtOnceIsPublishedOnce() throws Exception {
        // given a force system that fires a retry while the first attempt is still in flight
        ObjectNode submission = incident("BTP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();

        // when both arrive together
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> http().post(PATH, submission));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> http().post(PATH, submission));

        // then one is accepted, the other told it already was, and one record is published
        assertThat(List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(202, 200);
        assertThat(first.get().json().get("incidentId")).isEqualTo(second.get().json().get("incidentId"));
        assertThat(IngestInfrastructure.incidentsEndOffset() - before).isEqualTo(1);
    }

    @Test
    void newerRevisionIsPublishedUnderTheSameIncidentIdWithItsRevision() {
        // given revision 1 accepted
        String reference = uniqueReference();
        ObjectNode submission = incident("WYP", reference);
        Http.Answer first = http().post(PATH, submission);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        String incidentId = first.json().get("incidentId").asText();

        // when revision 2 brings what the officer learnt later
        submission.put("revision", 2).put("riskLevel", "HIGH");
        child(submission, 0).put("welfareCheckMade", true).put("voiceOfChild", "I want to stay at school");
        Http.Answer second = http().post(PATH, submission);

        // then it is accepted as an update of the same incident and published with revision 2
        assertThat(second.status()).as(second.toString()).isEqualTo(202);
        assertThat(second.json().get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(second.json().get("revision").asInt()).isEqualTo(2);
        List<IncidentReported> published = incidents.await(2, r -> incidentId.equals(r.getIncidentId()));
        assertThat(published).extracting(IncidentReported::getRevision).containsExactlyInAnyOrder(1, 2);
        IncidentReported revision2 = published.stream().filter(r -> r.getRevision() == 2).findFirst().orElseThrow();
        assertThat(revision2.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(revision2.getChildren().get(0).getVoiceOfChild()).isEqualTo("I want to stay at school");
    }

    @Test
    void olderRevisionThanOneAcceptedIsRefusedAsAConflictAndNotPublished() {
        // given revision 2 accepted
        String reference = uniqueReference();
        ObjectNode submission = incident("NYP", reference).put("revision", 2);
        assertThat(http().post(PATH, submission).status()).isEqualTo(202);
        long before = IngestInfrastructure.incidentsEndOffset();

        // when revision 1 arrives late
        Http.Answer answer = http().post(PATH, submission.put("revision", 1));

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("latestRevision").asInt()).isEqualTo(2);
        assertThat(answer.json().get("incidentId").asText()).isEqualTo(IncidentIds.forPoliceReference("NYP", reference));
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);
    }

    @Test
    void sameRevisionWithDifferentContentIsRefusedAsAConflictAndNotPublished() {
        // given revision 1 accepted
        ObjectNode submission = incident("MPS", uniqueReference());
        assertThat(http().post(PATH, submission).status()).isEqualTo(202);
        long before = IngestInfrastructure.incidentsEndOffset();

        // when revision 1 is sent again with a changed report
        Http.Answer answer = http().post(PATH, submission.put("riskLevel", "HIGH"));

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("higher revision");
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);
    }

    @Test
    void invalidSubmissionIsRefusedListingEveryBadFieldAndNothingIsPublished() {
        // given a report with many mistakes at once
        ObjectNode submission = incident("wmp", uniqueReference());
        submission.put("revision", 0);
        submission.put("occurredAt", TestClock.clock().instant().plusSeconds(3600).toString());
        submission.put("reportedAt", TestClock.clock().instant().minusSeconds(60).toString());
        child(submission, 0).put("dateOfBirth", TestClock.today().plusDays(3).toString());
        child(submission, 0).withArray("identifiers").removeAll()
                .add(submission.objectNode().put("scheme", "UPN").put("value", "123456789012"))
                .add(submission.objectNode().put("scheme", "NHS_NUMBER").put("value", "9434765918"));
        child(submission, 0).remove("present");
        child(submission, 0).put("givenName", " ");
        ((ObjectNode) submission.get("attendingOfficer")).put("email", "not-an-email");
        long before = IngestInfrastructure.incidentsEndOffset();

        // when
        Http.Answer answer = http().post(PATH, submission);

        // then every bad field is named with its reason
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(errors(answer)).contains(
                "forceCode: must be 2 to 10 upper-case letters or digits, starting with a letter",
                "revision: must be greater than or equal to 1",
                "occurredAt: must not be in the future",
                "occurredAt: must not be after reportedAt",
                "children[0].dateOfBirth: must be in the past",
                "children[0].identifiers[0].value: must be a unique pupil number: a capital letter then 12 digits",
                "children[0].identifiers[1].value: must be an NHS number: 10 digits with a valid modulus-11 check digit",
                "children[0].present: must not be null",
                "children[0].givenName: must not be blank",
                "attendingOfficer.email: must be a well-formed email address");
        assertThat(errors(answer)).hasSize(10);
        // the child's details are not echoed back
        assertThat(answer.body()).doesNotContain("9434765918").doesNotContain("Robin");
        // and nothing was published
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);
    }

    @Test
    void incidentWithoutChildrenIsRefused() {
        ObjectNode submission = incident("WMP", uniqueReference());
        submission.putArray("children");

        Http.Answer answer = http().post(PATH, submission);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer)).containsExactly("children: must list at least one child");
    }

    @Test
    void unknownEnumValueIsRefusedNamingTheField() {
        ObjectNode submission = incident("WMP", uniqueReference());
        child(submission, 0).withArray("identifiers").add(submission.objectNode().put("scheme", "PASSPORT").put("value", "X"));
        long before = IngestInfrastructure.incidentsEndOffset();

        Http.Answer answer = http().post(PATH, submission);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(errors(answer)).singleElement().asString()
                .startsWith("children[0].identifiers[2].scheme: must be one of [UPN, NHS_NUMBER");
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefusedAsAProblem() {
        Http.Answer answer = http().post(PATH, "{\"forceCode\": \"WMP\", ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("reason").asText()).contains("JSON");
    }

    @Test
    void unreadableDateIsRefusedNamingTheField() {
        ObjectNode submission = incident("WMP", uniqueReference());
        child(submission, 0).put("dateOfBirth", "04/05/2016");

        Http.Answer answer = http().post(PATH, submission);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer)).containsExactly("children[0].dateOfBirth: must be an ISO-8601 date, e.g. 2016-05-04");
    }

    private static List<String> errors(Http.Answer answer) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : answer.json().withArray("errors")) {
            errors.add(e.get("field").asText() + ": " + e.get("reason").asText());
        }
        return errors;
    }
}
