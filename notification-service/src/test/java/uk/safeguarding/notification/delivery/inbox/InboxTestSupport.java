package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.testkit.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.delivery.dispatch.DeliveryLog;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Inbox tests on the module's shared integration context: two schools of the test's own, each with a key adult who
 * can sign in, and one routed incident naming a pupil of each school, so each school has one alert in its inbox.
 */
abstract class InboxTestSupport extends IntegrationTestSupport {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    protected int port;

    @Autowired
    protected DeliveryLog deliveryLog;

    @Autowired
    protected PasswordEncoder passwordEncoder;

    @Autowired
    protected Clock clock;

    /** One school's side of the scenario. */
    record School(String organisationId, String personId, String email, String displayName, String childName,
                  UUID alertId) {
    }

    /** Two schools, one incident naming a pupil of each. */
    record Scenario(School mine, School other, String policeReference, Instant occurredAt) {
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Given two schools, a key adult at each, a pupil at each, and a police incident naming both pupils, routed
     * through the incidents topic into the ledger, each alert recorded for delivery.
     */
    protected Scenario givenAnIncidentAlertingTwoSchools() {
        String token = unique();
        TestDirectory mine = TestDirectory.create(token + "A");
        TestDirectory other = TestDirectory.create(token + "B");
        String family = familyName("Thistlewood");
        String otherFamily = familyName("Marchbank");
        List<DirectoryDocument.Organisation> organisations = new ArrayList<>(mine.organisations());
        organisations.addAll(other.organisations());
        given(new DirectoryDocument(organisations,
                List.of(mine.schoolChild("T-CH-A-" + token, "Ottilie", family, TestClock.bornYearsAgo(9, 4, 12), null),
                        other.schoolChild("T-CH-B-" + token, "Barnaby", otherFamily, TestClock.bornYearsAgo(10, 9, 3), null)),
                List.of(), List.of()));
        String myPerson = givenPerson(mine.school(), "dsl-" + token + "@test-school-a.example", "Imogen Testwell");
        String otherPerson = givenPerson(other.school(), "dsl-" + token + "@test-school-b.example", "Rufus Testwell");

        String reference = "REF-" + token;
        IncidentReported.Builder incident = SampleIncidents.incident("TST", reference);
        incident.setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Ottilie", family, TestClock.bornYearsAgo(9, 4, 12)).build(),
                SampleIncidents.child("Barnaby", otherFamily, TestClock.bornYearsAgo(10, 9, 3)).build())));
        IncidentReported reported = incident.build();
        produce(reported);

        UUID myAlert = awaitSchoolAlert(reported.getIncidentId(), mine.school());
        UUID otherAlert = awaitSchoolAlert(reported.getIncidentId(), other.school());
        givenDeliveriesRecorded(reported.getIncidentId());
        return new Scenario(
                new School(mine.school(), myPerson, "dsl-" + token + "@test-school-a.example", "Imogen Testwell",
                        "Ottilie " + family, myAlert),
                new School(other.school(), otherPerson, "dsl-" + token + "@test-school-b.example", "Rufus Testwell",
                        "Barnaby " + otherFamily, otherAlert),
                reference, reported.getOccurredAt());
    }

    /** As a person reads a time on the pages: "Friday 20 November 2026 at 10:15pm", London time. */
    static String asShown(Instant instant) {
        java.time.ZonedDateTime t = instant.atZone(java.time.ZoneId.of("Europe/London"));
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String time = t.getMinute() == 0 && t.getHour() % 12 == 0 ? (t.getHour() == 0 ? "midnight" : "midday")
                : hour + ":" + String.format("%02d", t.getMinute()) + (t.getHour() < 12 ? "am" : "pm");
        return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK).format(t)
                + " at " + time;
    }

    protected String givenPerson(String organisationId, String email, String displayName) {
        String id = "T-P-" + unique();
        jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                        + " values (?, ?, ?, ?, ?, ?)", id, organisationId, displayName, email,
                PersonRole.KEY_ADULT.name(), passwordEncoder.encode(PASSWORD));
        return id;
    }

    private UUID awaitSchoolAlert(String incidentId, String schoolId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                "select alert_id from alert_ledger where incident_id = ? and recipient_org_id = ?",
                (rs, n) -> (UUID) rs.getObject(1), incidentId, schoolId).stream().findFirst().orElse(null),
                id -> id != null);
    }

    /**
     * Each alert of the incident recorded for delivery. The delivery intake may already have done it (then this
     * changes nothing: recording is idempotent); the deadline is the alert's own, or 16 hours from now.
     */
    private void givenDeliveriesRecorded(String incidentId) {
        Instant now = clock.instant();
        List<uk.safeguarding.avro.AgencyAlert> deliveries = ledgerAlerts(incidentId).stream()
                .map(a -> a.getDueBy() != null ? a
                        : uk.safeguarding.avro.AgencyAlert.newBuilder(a).setDueBy(now.plus(Duration.ofHours(16))).build())
                .toList();
        // the delivery intake may be recording the same rows in another order at this moment: a deadlock between
        // the two is resolved by PostgreSQL failing one, and recording again is idempotent
        await().atMost(Duration.ofSeconds(30))
                .ignoreException(org.springframework.dao.PessimisticLockingFailureException.class)
                .until(() -> {
                    deliveryLog.recordSent(deliveries, now);
                    return true;
                });
    }

    protected Map<String, Object> deliveryRow(UUID alertId) {
        return jdbc.queryForMap("select * from delivery where alert_id = ?", alertId);
    }

    protected List<String> deliveryEvents(UUID alertId) {
        return jdbc.queryForList("select state || ':' || channel from delivery_event where alert_id = ?"
                + " order by occurred_at, state", String.class, alertId);
    }
}
