package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.Relationship;
import uk.safeguarding.testkit.SampleIncidents;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The probation section of the inbox alert page: the household's children, the question, the answer form. */
class ProbationInboxTest extends InboxTestSupport {

    private record Given(UUID alertId, String probationPerson, String probationEmail, String otherEmail,
                         String family) {
    }

    private Given givenAProbationAlertAndAPersonAtTheUnit() {
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        TestDirectory other = TestDirectory.create(token + "X");
        String family = familyName("Cowslip");
        String pnc = "24/" + token.substring(0, 7) + "R";
        List<DirectoryDocument.Organisation> orgs = new ArrayList<>(dir.organisations());
        orgs.addAll(other.organisations());
        given(new DirectoryDocument(orgs,
                List.of(dir.schoolChild("T-CH-1-" + token, "Perdita", family, TestClock.bornYearsAgo(10, 8, 8), null),
                        dir.toddler("T-CH-2-" + token, "Florizel", family, TestClock.bornYearsAgo(2, 4, 4))),
                List.of(dir.supervisedAdult("T-AD-" + token, "Leontes", family, LocalDate.of(1986, 6, 6), pnc)),
                List.of(new DirectoryDocument.HouseholdLink("T-CH-2-" + token, "T-AD-" + token, Relationship.PARENT))));
        String email = "om-" + token + "@pdu.example";
        String person = givenPerson(dir.probation(), email, "Hermione Testwell");
        String otherEmail = "om-" + token + "@other-pdu.example";
        givenPerson(other.probation(), otherEmail, "Paulina Testwell");

        IncidentReported incident = SampleIncidents.incident("TST", "REF-" + token)
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Leontes", family, AdultRole.SUSPECT,
                        SampleIncidents.id(IdentifierScheme.PNC_ID, pnc)))))
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Perdita", family, TestClock.bornYearsAgo(10, 8, 8)).build())))
                .build();
        produce(incident);
        UUID alertId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                "select p.alert_id from probation_response p where p.incident_id = ?", (rs, n) -> (UUID) rs.getObject(1),
                incident.getIncidentId()).stream().findFirst().orElse(null), id -> id != null);
        return new Given(alertId, person, email, otherEmail, family);
    }

    @Test
    void aProbationOfficerSeesTheHouseholdsChildrenAndRecordsTheAnswerOnTheAlertPage() {
        // given a probation alert about a household of two children, one not named by police
        Given g = givenAProbationAlertAndAPersonAtTheUnit();
        InboxHttp http = new InboxHttp(baseUrl());
        http.signIn(g.probationEmail(), PASSWORD);
        String page = "/inbox/alerts/" + g.alertId();

        // when the officer opens it
        HttpResponse<String> opened = http.get(page);

        // then the page lists both children and asks the question, with the form
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Children in the household", "Perdita " + g.family(),
                "Florizel " + g.family(), "Were the children&#39;s safeguarding needs considered, and what was done?",
                "Record the answer about the children");

        // when they send the form empty
        HttpResponse<String> empty = http.postFormWithCsrf(page, page + "/response", Map.of());

        // then nothing is recorded and the page says what is missing, as the action form does: "Error:" in the title,
        // an error summary that takes the focus (no fragment in the address to stop autofocus) linking to each field
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(empty.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("#"));
        String errors = http.get(page).body();
        assertThat(errors).contains("<title>Error: Alert about a child – Safeguarding alerts</title>",
                "Select whether the children", "Enter what was done",
                "href=\"#childrenConsidered-yes\"", "href=\"#actions\"", "aria-describedby=\"actions-hint actions-error\"");
        assertThat(errors).containsPattern("class=\"error-summary\" id=\"response-error-summary\"[^>]*role=\"alert\""
                + " tabindex=\"-1\" autofocus");
        assertThat(jdbc.queryForObject("select answered_at is null from probation_response where alert_id = ?",
                Boolean.class, g.alertId())).isTrue();

        // when they answer
        HttpResponse<String> answered = http.postFormWithCsrf(page, page + "/response",
                Map.of("childrenConsidered", "yes", "actions", "Discussed both children at supervision; referral made."));

        // then it is recorded with who answered, and the page shows it instead of the form
        assertThat(answered.statusCode()).isEqualTo(302);
        HttpResponse<String> after = http.get(page);
        assertThat(after.body()).contains("Your answer about the children has been recorded",
                "Discussed both children at supervision; referral made.", "Hermione Testwell")
                .doesNotContain("Record the answer about the children");
        assertThat(jdbc.queryForMap("select children_considered, answered_by from probation_response where alert_id = ?",
                g.alertId())).containsEntry("children_considered", true).containsEntry("answered_by", g.probationPerson());
    }

    @Test
    void someoneAtAnotherOrganisationCanNeitherSeeNorAnswerTheQuestion() {
        // given a probation alert, and someone signed in at another probation unit
        Given g = givenAProbationAlertAndAPersonAtTheUnit();
        InboxHttp http = new InboxHttp(baseUrl());
        http.signIn(g.otherEmail(), PASSWORD);
        String page = "/inbox/alerts/" + g.alertId();

        // when they try to answer it
        HttpResponse<String> post = http.postFormWithCsrf("/inbox", page + "/response",
                Map.of("childrenConsidered", "no", "actions", "Not ours"));

        // then nothing is recorded, and the alert is not found for them
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(http.get(page).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select answered_at is null from probation_response where alert_id = ?",
                Boolean.class, g.alertId())).isTrue();
    }
}
