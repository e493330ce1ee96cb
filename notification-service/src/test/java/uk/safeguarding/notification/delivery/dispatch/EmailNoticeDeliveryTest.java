package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.shared.security.PersonRole;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IncidentReported;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailNoticeDeliveryTest extends DeliveryTestSupport {

    @Test
    void anAlertToASchoolEmailsItsKeyAdultALinkToTheInboxWithoutAnyPersonalDataAndReportsSentThenDelivered() {
        // given a school with a pupil and a key adult
        School school = givenSchoolWithPupil();
        String keyAdult = "dsl-" + unique() + "@brookfield.example";
        givenPerson(school.id(), PersonRole.KEY_ADULT, keyAdult);
        String reference = "REF-" + unique();

        // when the police report an incident naming the pupil
        IncidentReported incident = incidentFor(school, reference);

        // then the alert is recorded for delivery (in the inbox) ...
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());
        Map<String, Object> delivery = jdbc.queryForMap("select * from delivery where alert_id = ?", alertId);
        assertThat(delivery.get("recipient_kind")).isEqualTo("SCHOOL");

        // ... the key adult gets an email that says only that a notification is waiting, and where
        MimeMessage email = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMailServer.messagesTo(keyAdult), m -> !m.isEmpty()).get(0);
        String subject = TestMailServer.subject(email);
        String body = TestMailServer.body(email);
        assertThat(subject).isEqualTo("New safeguarding notification for " + school.name());
        assertThat(body).contains("http://localhost:8082/inbox/alerts/" + alertId);
        for (String text : List.of(subject, body)) {
            assertThat(text).doesNotContain(school.givenName()).doesNotContain(school.familyName())
                    .doesNotContain(school.dateOfBirth().toString())
                    .doesNotContain(school.dateOfBirth().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .doesNotContain(school.dateOfBirth().format(java.time.format.DateTimeFormatter.ofPattern(
                            "d MMMM yyyy", java.util.Locale.UK)))
                    .doesNotContain(reference).doesNotContain(incident.getCircumstances())
                    .doesNotContain(incident.getIncidentId());
        }

        // ... and alerts.status carries SENT, then DELIVERED by email, with ids only
        awaitStatus(alertId, DeliveryState.SENT, DeliveryChannel.PLATFORM);
        awaitStatus(alertId, DeliveryState.DELIVERED, DeliveryChannel.EMAIL);
        awaitAllStepsPublished(alertId);
        List<AlertStatusChanged> events = statusEvents(alertId);
        assertThat(events).extracting(AlertStatusChanged::getState)
                .containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getOrganisationId()).isEqualTo(school.id());
            assertThat(e.getIncidentId()).isEqualTo(incident.getIncidentId());
            assertThat(e.toString()).doesNotContain(school.givenName()).doesNotContain(school.familyName())
                    .doesNotContain(reference).doesNotContain(keyAdult);
        });
        assertThat(jdbc.queryForObject("select state from delivery where alert_id = ?", String.class, alertId))
                .isEqualTo("DELIVERED");
    }

    @Test
    void anOrganisationThatSwitchedEmailNoticesOffGetsNoEmailButTheAlertIsStillInItsInbox() {
        // given a school with a key adult that does not want email notices
        School school = givenSchoolWithPupil();
        String keyAdult = "dsl-" + unique() + "@brookfield.example";
        givenPerson(school.id(), PersonRole.KEY_ADULT, keyAdult);
        settings.setEmailNotices(school.id(), false);

        // when an incident names its pupil
        IncidentReported incident = incidentFor(school, "REF-" + unique());

        // then the alert is recorded and reported SENT, and no notice is queued or sent
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());
        awaitStatus(alertId, DeliveryState.SENT, DeliveryChannel.PLATFORM);
        awaitAllStepsPublished(alertId);
        assertThat(jdbc.queryForObject("select count(*) from email_notice where alert_id = ?", Integer.class, alertId))
                .isZero();
        assertThat(TestMailServer.messagesTo(keyAdult)).isEmpty();
        assertThat(statusEvents(alertId)).extracting(AlertStatusChanged::getState).containsExactly(DeliveryState.SENT);
    }

    @Test
    void aNoticeTheMailServerDoesNotTakeIsTriedAgainWithBackOffThenListedForOperations() {
        // given a school whose key adult's address the mail system cannot take
        School school = givenSchoolWithPupil();
        givenPerson(school.id(), PersonRole.KEY_ADULT, "not an address@@" + unique());

        // when an alert reaches the school
        IncidentReported incident = incidentFor(school, "REF-" + unique());
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());

        // then the notice waits for its next attempt instead of failing at once
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(alertId) == 1);
        Map<String, Object> waiting = jdbc.queryForMap("select status, next_attempt_at from email_notice"
                + " where alert_id = ?", alertId);
        assertThat(waiting.get("status")).isEqualTo("PENDING");
        assertThat(((java.sql.Timestamp) waiting.get("next_attempt_at")).toInstant()).isAfter(clock.instant());

        // when each retry falls due, until the last
        for (int attempt = 2; attempt <= 5; attempt++) {
            jdbc.update("update email_notice set next_attempt_at = ? where alert_id = ?",
                    java.sql.Timestamp.from(clock.instant().minusSeconds(1)), alertId);
            int expected = attempt;
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                notices.sendPending();
                return attempts(alertId) == expected;
            });
        }

        // then it is FAILED, the alert's delivery says so, and operations see it (never the address)
        assertThat(jdbc.queryForObject("select status from email_notice where alert_id = ?", String.class, alertId))
                .isEqualTo("FAILED");
        awaitStatus(alertId, DeliveryState.FAILED, DeliveryChannel.EMAIL);
        String failed = api(PersonRole.OPERATIONS).getForObject("/api/v1/operations/email-notices/failed",
                String.class);
        assertThat(failed).contains(alertId.toString()).contains("\"attempts\":5").doesNotContain("@@");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private EmailNotices notices;

    private int attempts(UUID alertId) {
        Integer n = jdbc.queryForObject("select attempts from email_notice where alert_id = ?", Integer.class, alertId);
        return n == null ? 0 : n;
    }
}
