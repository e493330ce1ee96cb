package uk.safeguarding.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.child;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * A value that cannot be read (an unknown enum value, a malformed date, a wrong type) no longer hides the other
 * problems: the refusal lists every field problem found, so a force fixes its report in one go.
 */
class EveryFieldProblemAtOnceTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    @Test
    void unreadableValuesAndBrokenRulesAreAllListedInOneRefusal() {
        // given a report with an unknown enum value, a malformed date, a quoted number, a wrong type in a list, an
        // unknown consent status, and, besides those, a blank name and an invalid NHS number
        ObjectNode submission = incident("WMP", uniqueReference());
        submission.put("riskLevel", "SEVERE");
        submission.put("revision", "2");
        submission.putObject("consent").put("status", "MAYBE");
        child(submission, 0).put("dateOfBirth", "2016-13-45");
        child(submission, 0).put("givenName", " ");
        child(submission, 0).withArray("identifiers").removeAll()
                .add(submission.objectNode().put("scheme", "NHS_NUMBER").put("value", "9434765918"))
                .add(42);
        ((ObjectNode) submission.withArray("adults").get(0)).put("role", "WITNESS");
        long before = IngestInfrastructure.incidentsEndOffset();

        // when
        Http.Answer answer = http().post(PATH, submission);

        // then every one of them is named, once, and nothing is published
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:problem:incident-ingest:invalid-incident");
        assertThat(errors(answer)).containsExactlyInAnyOrder(
                "adults[0].role: must be one of [VICTIM, SUSPECT, OTHER]",
                "children[0].dateOfBirth: must be an ISO-8601 date, e.g. 2016-05-04",
                "children[0].givenName: must not be blank",
                "children[0].identifiers[0].value: must be an NHS number: 10 digits with a valid modulus-11 check digit",
                "children[0].identifiers[1]: has the wrong type, expected an object",
                "consent.status: must be one of [GIVEN, REFUSED, NOT_SOUGHT]",
                "revision: has the wrong type, expected a whole number",
                "riskLevel: must be one of [STANDARD, MEDIUM, HIGH, UNKNOWN]");
        assertThat(answer.json().get("detail").asText()).startsWith("8 field(s) are invalid");
        assertThat(answer.body()).doesNotContain("SEVERE").doesNotContain("2016-13-45").doesNotContain("9434765918");
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(before);
    }

    @Test
    void aRequiredFieldOfTheWrongTypeIsReportedForItsTypeOnly() {
        // given required fields sent with the wrong types
        ObjectNode submission = incident("WMP", uniqueReference());
        submission.put("forceCode", 123);
        submission.put("attendingOfficer", "PC Example");
        child(submission, 0).put("present", "yes");

        // when
        Http.Answer answer = http().post(PATH, submission);

        // then each is refused for its type, not also as missing
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(errors(answer)).containsExactlyInAnyOrder(
                "attendingOfficer: has the wrong type, expected an object",
                "children[0].present: has the wrong type, expected true or false",
                "forceCode: has the wrong type, expected a string");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAsSuch() {
        Http.Answer array = http().post(PATH, "[" + incident("WMP", uniqueReference()) + "]");
        Http.Answer syntax = http().post(PATH, "{\"forceCode\": \"WMP\", ");

        assertThat(array.status()).isEqualTo(400);
        assertThat(errors(array)).containsExactly(": the body must be one JSON object");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("type").asText()).isEqualTo("urn:problem:incident-ingest:malformed-json");
    }

    private static List<String> errors(Http.Answer answer) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : answer.json().withArray("errors")) {
            errors.add(e.get("field").asText() + ": " + e.get("reason").asText());
        }
        return errors;
    }
}
