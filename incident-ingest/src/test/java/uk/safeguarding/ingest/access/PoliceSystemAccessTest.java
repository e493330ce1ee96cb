package uk.safeguarding.ingest.access;

import uk.safeguarding.testkit.TestClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.ingest.IngestIntegrationTest;
import uk.safeguarding.ingest.support.Http;
import uk.safeguarding.ingest.support.IngestInfrastructure;
import uk.safeguarding.ingest.support.TestIssuer;
import uk.safeguarding.schemas.IncidentIds;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.ingest.support.SampleSubmissions.incident;
import static uk.safeguarding.ingest.support.SampleSubmissions.uniqueReference;

/**
 * Only authenticated police systems may submit, each for its own force only; a refused request publishes nothing and
 * records nothing. Tokens come from {@link TestIssuer}, whose keys the service fetches over HTTP as in production.
 */
class PoliceSystemAccessTest extends IngestIntegrationTest {

    private static final String PATH = "/api/v1/incidents";

    private final JdbcTemplate db = new JdbcTemplate(IngestInfrastructure.infra().dataSource(IngestInfrastructure.DATABASE));

    @Test
    void submissionWithoutATokenIsRefused401WithABearerChallengeAndNothingIsPublishedOrRecorded() {
        // given
        ObjectNode submission = incident("WMP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();

        // when
        Http.Answer answer = anonymous().post(PATH, submission);

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"incident-ingest\"");
        assertThat(answer.json().get("title").asText()).isEqualTo("Authentication required");
        assertNothingAcceptedFor(submission, before);
    }

    @Test
    void expiredTokenIsRefused401AsAnInvalidToken() {
        ObjectNode submission = incident("WMP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();
        String expired = TestIssuer.get().token(TEST_CLIENT, c -> c
                .issueTime(Date.from(TestClock.clock().instant().minusSeconds(3600)))
                .expirationTime(Date.from(TestClock.clock().instant().minusSeconds(600))), "WMP");

        Http.Answer answer = anonymous().withToken(expired).post(PATH, submission);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(answer.json().get("detail").asText()).containsIgnoringCase("expired");
        assertNothingAcceptedFor(submission, before);
    }

    @Test
    void tokensForAnotherAudienceFromAnotherIssuerWithoutExpiryOrSignedByAnUnknownKeyAreRefused401() {
        ObjectNode submission = incident("WMP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();
        List<String> badTokens = List.of(
                TestIssuer.get().token(TEST_CLIENT, c -> c.audience("another-service"), "WMP"),
                TestIssuer.get().token(TEST_CLIENT, c -> c.issuer("https://elsewhere.example"), "WMP"),
                TestIssuer.get().token(TEST_CLIENT, c -> c.expirationTime(null), "WMP"),
                TestIssuer.get().forgedTokenFor(TEST_CLIENT, "WMP"),
                "not-a-jwt");

        for (String token : badTokens) {
            Http.Answer answer = anonymous().withToken(token).post(PATH, submission);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        }
        Http.Answer basic = anonymous().withAuthorization("Basic dXNlcjpwYXNz").post(PATH, submission);
        assertThat(basic.status()).isEqualTo(401);
        assertNothingAcceptedFor(submission, before);
    }

    @Test
    void validTokenForOneForceSubmittingAnotherForcesIncidentIsRefused403NamingTheForceCodeField() {
        // given a system allowed to submit for West Midlands only
        ObjectNode submission = incident("GMP", uniqueReference());
        long before = IngestInfrastructure.incidentsEndOffset();
        Http westMidlands = anonymous().withToken(TestIssuer.get().tokenFor("wmp-system", "WMP"));

        // when it submits a Greater Manchester incident
        Http.Answer answer = westMidlands.post(PATH, submission);

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("forceCode");
        assertThat(answer.json().get("detail").asText()).contains("WMP").contains("GMP");
        assertThat(answer.header("WWW-Authenticate")).contains("insufficient_scope");
        assertNothingAcceptedFor(submission, before);
    }

    @Test
    void acceptedSubmissionRecordsWhichClientSubmittedIt() {
        ObjectNode submission = incident("WMP", uniqueReference());

        Http.Answer answer = anonymous().withToken(TestIssuer.get().tokenFor("wmp-system", "WMP")).post(PATH, submission);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(db.queryForList("select client_id from incident_submission where incident_id = ?", String.class,
                answer.json().get("incidentId").asText())).containsExactly("wmp-system");
    }

    @Test
    void statusOfAnIncidentIsShownOnlyToSystemsOfItsOwnForce() {
        // given an incident West Midlands submitted
        ObjectNode submission = incident("WMP", uniqueReference());
        Http westMidlands = anonymous().withToken(TestIssuer.get().tokenFor("wmp-system", "WMP"));
        Http manchester = anonymous().withToken(TestIssuer.get().tokenFor("gmp-system", "GMP"));
        String location = westMidlands.post(PATH, submission).header("Location");

        // then its own force sees it, another force is told it does not exist, and nobody sees it without a token
        assertThat(westMidlands.get(location).status()).isEqualTo(200);
        Http.Answer other = manchester.get(location);
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("WMP");
        assertThat(anonymous().get(location).status()).isEqualTo(401);
    }

    @Test
    void healthAndTheApiDescriptionStayOpenButNoOtherActuatorEndpoint() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/env").status()).isEqualTo(404);
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(404);
    }

    private void assertNothingAcceptedFor(ObjectNode submission, long endOffsetBefore) {
        String incidentId = IncidentIds.forPoliceReference(submission.get("forceCode").asText(),
                submission.get("policeReference").asText());
        assertThat(IngestInfrastructure.incidentsEndOffset()).isEqualTo(endOffsetBefore);
        assertThat(db.queryForObject("select count(*) from incident_submission where incident_id = ?", Integer.class,
                incidentId)).isZero();
        assertThat(db.queryForObject("select count(*) from incident where incident_id = ?", Integer.class,
                incidentId)).isZero();
    }
}
