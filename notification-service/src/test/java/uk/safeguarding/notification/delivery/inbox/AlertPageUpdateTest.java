package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.testkit.SampleIncidents;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A school's key adult opens the alert for a corrected revision and reads what changed, and the family's history. */
class AlertPageUpdateTest extends InboxTestSupport {

    @Test
    void theAlertPageOfACorrectionSaysWhichRevisionItReplacesAndWhatChanged() {
        // given a pupil at a school with a key adult, and revision 1 of an incident about the pupil, routed
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String family = familyName("Brackenridge");
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild("T-CH-U-" + token, "Leopoldine", family, TestClock.bornYearsAgo(9, 1, 20), null)),
                List.of(), List.of()));
        String email = "dsl-" + token + "@test-school-u.example";
        givenPerson(dir.school(), email, "Hortensia Testwell");
        IncidentReported revision1 = SampleIncidents.incident("TST", "REF-U-" + token)
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Leopoldine", family, TestClock.bornYearsAgo(9, 1, 20)).build()))).build();
        produce(revision1);

        // when police send a correction: the child said something else
        IncidentReported revision2 = IncidentReported.newBuilder(revision1).setRevision(2)
                .setRevisionKind(RevisionKind.CORRECTION).build();
        revision2.getChildren().get(0).setVoiceOfChild("I stayed in my room with my headphones on");
        produce(revision2);
        UUID alertId = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.query(
                "select d.alert_id from delivery d join alert_ledger l on l.alert_id = d.alert_id"
                        + " where l.incident_id = ? and l.revision = 2 and l.recipient_org_id = ?",
                (rs, n) -> (UUID) rs.getObject(1), revision1.getIncidentId(), dir.school()).stream().findFirst()
                .orElse(null), id -> id != null);

        // and the key adult opens it
        InboxHttp http = new InboxHttp(baseUrl());
        http.signIn(email, PASSWORD);
        HttpResponse<String> page = http.get("/inbox/alerts/" + alertId);

        // then the page says it replaces revision 1, as a correction, and that the child's words changed
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Updated: this replaces the alert for revision 1 (correction):"
                + " child&#39;s words changed.");
        assertThat(page.body()).contains("I stayed in my room with my headphones on");
        // and it shows the family's history: none before this incident
        assertThat(page.body()).contains("No earlier incident involving this family in the last 12 months.");
    }
}
