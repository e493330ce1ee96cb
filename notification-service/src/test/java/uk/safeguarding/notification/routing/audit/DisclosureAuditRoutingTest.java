package uk.safeguarding.notification.routing.audit;

import uk.safeguarding.testkit.TestClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.Consent;
import uk.safeguarding.avro.ConsentStatus;
import uk.safeguarding.avro.DisclosureAction;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the real stack: a share goes out whatever police recorded about consent, built by the policy, and
 * every disclosure is recorded and published on audit.disclosures.
 */
class DisclosureAuditRoutingTest extends IntegrationTestSupport {

    private static TopicProbe<AgencyAlert> schools;
    private static TopicProbe<DisclosureRecorded> audit;

    @BeforeAll
    static void probes() {
        schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
        audit = TopicProbe.on(Topics.AUDIT);
    }

    @AfterAll
    static void closeProbes() {
        schools.close();
        audit.close();
    }

    /** A pupil of a test school, named in an incident whose consent police recorded as given. */
    private IncidentReported givenAPupilNamedInAnIncident(String childId, ConsentStatus consent) {
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String family = familyName("Hawthornby");
        LocalDate dob = TestClock.bornYearsAgo(10, 2, 14);
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild(childId, "Linnea", family, dob, null)), List.of(), List.of()));
        return SampleIncidents.incident("TST", "AUD-" + token)
                .setConsent(new Consent(consent, "declined to consent at the scene"))
                .setChildren(new ArrayList<>(List.of(SampleIncidents.child("Linnea", family, dob).build())))
                .build();
    }

    @Test
    void aShareWithConsentRefusedStillGoesOutAndItsLawfulBasisSaysSo() {
        // given
        String childId = "T-CH-" + unique();
        IncidentReported incident = givenAPupilNamedInAnIncident(childId, ConsentStatus.REFUSED);

        // when
        produce(incident);

        // then the school is alerted, and the alert records the basis used and that consent was refused
        AgencyAlert alert = schools.await(1, a -> a.getIncidentId().equals(incident.getIncidentId())).get(0);
        assertThat(alert.getChild().getChildId()).isEqualTo(childId);
        assertThat(alert.getLawfulBasis()).contains("safeguarding: consent not required").contains("consent refused");
        assertThat(alert.getPolicyVersion()).isEqualTo("2026-11-1");
        assertThat(alert.getDisclosed().getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(alert.getDisclosed().getRiskLevel()).isNull();
        assertThat(alert.getDisclosed().getLocation()).isNull();
    }

    @Test
    void everyDisclosureOfARoutedIncidentIsPublishedOnTheAuditTopicKeyedByTheChild() {
        // given
        String childId = "T-CH-" + unique();
        IncidentReported incident = givenAPupilNamedInAnIncident(childId, ConsentStatus.GIVEN);

        // when
        produce(incident);

        // then: the directory match, an alert sent to each of school, school nurse and GP, each delivered
        List<ConsumerRecord<String, DisclosureRecorded>> records = audit.awaitRecords(7,
                r -> childId.equals(r.value().getChildId()));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(childId);
            assertThat(r.value().getIncidentId()).isEqualTo(incident.getIncidentId());
            assertThat(r.value().getPolicyVersion()).isEqualTo("2026-11-1");
        });
        List<DisclosureRecorded> values = records.stream().map(ConsumerRecord::value).toList();
        assertThat(values).filteredOn(v -> v.getAction() == DisclosureAction.DIRECTORY_MATCH).hasSize(1);
        assertThat(values).filteredOn(v -> v.getAction() == DisclosureAction.ALERT_SENT).hasSize(3)
                .allSatisfy(v -> {
                    assertThat(v.getActor()).isEqualTo("system");
                    assertThat(v.getAlertId()).isNotNull();
                    assertThat(v.getFields()).contains("voiceOfChild", "childName").doesNotContain("location");
                    assertThat(v.getLawfulBasis()).contains("consent given");
                });
        assertThat(values).filteredOn(v -> v.getAction() == DisclosureAction.ALERT_DELIVERED).hasSize(3);
        assertThat(values).extracting(DisclosureRecorded::getEventId).doesNotHaveDuplicates();
        // and the relay's position has passed them, so it does not send them again
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from disclosure_audit a join outbox_position p on p.outbox = 'audit'"
                        + " where a.child_id = ? and (a.tx, a.seq) > (p.tx, p.seq)", Integer.class, childId)).isZero());
    }
}
