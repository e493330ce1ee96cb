package uk.safeguarding.notification.shared.retention;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.routing.ledger.AlertLedger;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.delivery.inbox.InboxAlerts;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetentionPurgeTest extends IntegrationTestSupport {

    @Autowired
    RetentionPurge purge;

    @Autowired
    InboxAlerts inbox;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void alertsAndUnresolvedChildrenPastRetentionKeepAnAnonymisedStubAndNothingThatNamesTheChild() {
        // given a school pupil and an unknown child named by an old incident, and the same pupil by a recent one
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String family = familyName("Quenby");
        LocalDate dob = TestClock.bornYearsAgo(11, 3, 9);
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild("T-CH-R-" + token, "Philippa", family, dob, null)), List.of(), List.of()));
        IncidentReported old = incident("RET-OLD-" + token, family, dob);
        IncidentReported recent = incident("RET-NEW-" + token, family, dob);
        produce(old);
        produce(recent);
        awaitAllIncidentsProcessed();
        await().until(() -> ledgerRows(old.getIncidentId()) > 0 && ledgerRows(recent.getIncidentId()) > 0
                && unresolvedRows(old.getIncidentId()) == 1);
        UUID oldSchoolAlert = schoolAlert(old.getIncidentId());
        await().until(() -> inbox.find(dir.school(), oldSchoolAlert).isPresent()
                && inbox.find(dir.school(), schoolAlert(recent.getIncidentId())).isPresent());
        await().until(() -> jdbc.queryForObject("select count(*) from delivered_alert where incident_id = ?",
                Integer.class, old.getIncidentId()) == ledgerRows(old.getIncidentId()));
        // ... and the old one routed 400 days ago (routing's ledger and delivery's copy each hold when)
        jdbc.update("update alert_ledger set routed_at = routed_at - interval '400 days' where incident_id = ?",
                old.getIncidentId());
        jdbc.update("update delivered_alert set routed_at = routed_at - interval '400 days' where incident_id = ?",
                old.getIncidentId());
        jdbc.update("update unresolved_child set detected_at = detected_at - interval '400 days' where incident_id = ?",
                old.getIncidentId());

        // when the purge runs
        RetentionPurge.Result result = purge.purge(TestClock.clock().instant());

        // then the old incident's alerts are stubs: ids, recipient and instants, no content, no child id
        assertThat(result.alertsPurged()).isGreaterThanOrEqualTo(ledgerRows(old.getIncidentId()));
        List<Map<String, Object>> stubs = jdbc.queryForList("select child_id,"
                + " length(payload) as payload, purged_at, recipient_org_id from alert_ledger where incident_id = ?",
                old.getIncidentId());
        assertThat(stubs).isNotEmpty().allSatisfy(row -> {
            assertThat(((Number) row.get("payload")).intValue()).isZero();
            assertThat((String) row.get("child_id")).startsWith("purged:");
            assertThat(row.get("purged_at")).isNotNull();
            assertThat(row.get("recipient_org_id")).isNotNull();
        });
        // ... delivery's copy keeps no way to find the child either (the alerts API's search keys are cleared)
        assertThat(jdbc.queryForList("select child_id, child_name_key, length(payload) as payload from delivered_alert"
                + " where incident_id = ?", old.getIncidentId())).isNotEmpty().allSatisfy(row -> {
            assertThat(((Number) row.get("payload")).intValue()).isZero();
            assertThat(row.get("child_id")).isNull();
            assertThat(row.get("child_name_key")).isNull();
        });
        // ... its unresolved child no longer names anyone
        assertThat(jdbc.queryForList("select given_name, family_name, date_of_birth from unresolved_child"
                + " where incident_id = ?", old.getIncidentId())).singleElement().satisfies(row -> {
            assertThat(row.get("given_name")).isEqualTo("");
            assertThat(row.get("family_name")).isEqualTo("");
            assertThat(row.get("date_of_birth")).isNull();
        });
        // ... the school's inbox no longer shows it, and still shows the recent one
        assertThat(inbox.find(dir.school(), oldSchoolAlert)).isEmpty();
        assertThat(inbox.list(dir.school())).extracting(InboxAlerts.Summary::alertId)
                .contains(schoolAlert(recent.getIncidentId())).doesNotContain(oldSchoolAlert);
        // ... the recent incident is untouched
        assertThat(jdbc.queryForObject("select count(*) from alert_ledger where incident_id = ? and purged_at is null",
                Integer.class, recent.getIncidentId())).isEqualTo(ledgerRows(recent.getIncidentId()));
        String recentContent = jdbc.queryForObject("select payload from alert_ledger where alert_id = ?",
                (rs, n) -> AlertLedger.json(rs.getBytes(1)), schoolAlert(recent.getIncidentId()));
        assertThat(recentContent).contains(family);
        // ... operations see the periods in force and the run, in counts
        @SuppressWarnings("unchecked")
        Map<String, Object> retention = api(PersonRole.OPERATIONS).getForObject("/api/v1/retention", Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> byKind = (Map<String, Object>) retention.get("alertsByRecipientKind");
        assertThat(byKind).containsEntry("SCHOOL", "PT8760H")
                .containsEntry("CHILDRENS_SOCIAL_CARE", "PT17520H");
        assertThat((List<?>) retention.get("recentRuns")).isNotEmpty();
        // ... and a second run finds nothing more of this test's to purge
        purge.purge(TestClock.clock().instant());
        assertThat(jdbc.queryForObject("select count(*) from alert_ledger where incident_id = ? and purged_at is null",
                Integer.class, old.getIncidentId())).isZero();
    }

    @Test
    void auditRowsPastTheAuditRetentionKeepWhatWasDisclosedToWhomAndLoseTheIdsOfTheChild() {
        // given an incident routed to a school pupil, with its disclosures audited
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String family = familyName("Vantongeren");
        LocalDate dob = TestClock.bornYearsAgo(12, 8, 1);
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild("T-CH-RA-" + token, "Marigold", family, dob, null)), List.of(), List.of()));
        IncidentReported incident = SampleIncidents.incident("TST", "RET-AUD-" + token).setChildren(new ArrayList<>(
                List.of(SampleIncidents.child("Marigold", family, dob).build()))).build();
        produce(incident);
        await().until(() -> {
            Integer sent = jdbc.queryForObject("select count(*) from disclosure_audit where incident_id = ?"
                    + " and action = 'ALERT_SENT'", Integer.class, incident.getIncidentId());
            Integer delivered = jdbc.queryForObject("select count(*) from disclosure_audit where incident_id = ?"
                    + " and action = 'ALERT_DELIVERED'", Integer.class, incident.getIncidentId());
            return sent > 0 && sent.equals(delivered);
        });
        Instant audited = jdbc.queryForObject("select max(occurred_at) from disclosure_audit where incident_id = ?",
                java.sql.Timestamp.class, incident.getIncidentId()).toInstant();
        int rows = auditRows(incident.getIncidentId());

        // when a purge runs whose audit retention has passed for those rows (and nothing else's has)
        Instant now = audited.plusSeconds(1);
        RetentionPurge past = new RetentionPurge(jdbc, new org.springframework.transaction.support.TransactionTemplate(
                transactionManager), new RetentionProperties(Map.of(), java.time.Duration.ofDays(3650),
                java.time.Duration.ofDays(3650), java.time.Duration.ofDays(3650), java.time.Duration.ofMillis(500),
                null, null, null), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        RetentionPurge.Result result = past.purge(now);

        // then the rows stay, with organisation, action, fields, policy and basis, and no child, incident or alert
        assertThat(result.auditAnonymised()).isGreaterThanOrEqualTo(rows);
        assertThat(auditRows(incident.getIncidentId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where child_id = ?", Integer.class,
                "T-CH-RA-" + token)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from disclosure_audit where organisation_id = ?"
                + " and child_id is null and action = 'ALERT_SENT' and policy_version is not null", Integer.class,
                dir.school())).isGreaterThanOrEqualTo(1);
    }

    private int auditRows(String incidentId) {
        return jdbc.queryForObject("select count(*) from disclosure_audit where incident_id = ?", Integer.class,
                incidentId);
    }

    private static IncidentReported incident(String reference, String family, LocalDate dob) {
        return SampleIncidents.incident("TST", reference).setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Philippa", family, dob).build(),
                SampleIncidents.child("Unknown", familyName("Nowhere"), dob).build()))).build();
    }

    private UUID schoolAlert(String incidentId) {
        return jdbc.queryForObject("select alert_id from alert_ledger where incident_id = ? and recipient_kind = 'SCHOOL'",
                UUID.class, incidentId);
    }

    private int unresolvedRows(String incidentId) {
        return jdbc.queryForObject("select count(*) from unresolved_child where incident_id = ?", Integer.class,
                incidentId);
    }
}
