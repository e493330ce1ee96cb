package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.shared.security.PersonEntity;
import uk.safeguarding.notification.shared.security.PersonRepository;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Delivery tests on the module's shared integration context: a school of the test's own (no nursing team, so a pupil
 * there gets exactly one alert), people at it, and a probe on alerts.status read as a downstream consumer would.
 */
public abstract class DeliveryTestSupport extends IntegrationTestSupport {

    @Autowired
    protected DeliveryLog deliveryLog;

    @Autowired
    protected DeliverySettings settings;

    @Autowired
    protected PersonRepository people;

    @Autowired
    protected Clock clock;

    protected TopicProbe<AlertStatusChanged> status;

    @BeforeEach
    void openStatusProbe() {
        status = TopicProbe.on(Topics.ALERT_STATUS);
    }

    @AfterEach
    void closeStatusProbe() {
        status.close();
    }

    /** A school of this test's own, with a pupil; invented names. */
    protected record School(String id, String name, String childId, String givenName, String familyName,
                            LocalDate dateOfBirth) {
    }

    protected School givenSchoolWithPupil() {
        String token = unique();
        School school = new School("T-DSCH-" + token, "Brookfield Primary " + token, "T-DCH-" + token, "Perpetua",
                familyName("Hollowell"), TestClock.bornYearsAgo(10, 3, 14));
        given(new DirectoryDocument(
                List.of(new DirectoryDocument.Organisation(school.id(), school.name(), OrganisationKind.SCHOOL, null, null,
                        "Office", "office@" + school.id().toLowerCase() + ".example", "01234 567890", null, "EX1 1AA")),
                List.of(new DirectoryDocument.Child(school.childId(), school.givenName(), school.familyName(),
                        school.dateOfBirth(), "EX1 1AA", List.of(), school.id(), null, null)),
                List.of(), List.of()));
        return school;
    }

    protected String givenPerson(String organisationId, PersonRole role, String email) {
        String id = "T-DP-" + unique();
        people.save(new PersonEntity(id, organisationId, "Test " + role.name().toLowerCase(), email, role, null));
        return id;
    }

    /** A police incident naming the school's pupil, produced onto the incidents topic. */
    protected IncidentReported incidentFor(School school, String policeReference) {
        IncidentReported.Builder incident = SampleIncidents.incident("TST", policeReference);
        incident.setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Alex", school.familyName(), AdultRole.VICTIM))));
        incident.setChildren(new ArrayList<>(List.of(
                SampleIncidents.child(school.givenName(), school.familyName(), school.dateOfBirth()).build())));
        IncidentReported reported = incident.build();
        produce(reported);
        return reported;
    }

    /** The alert of the incident for the school, once it is recorded for delivery. */
    protected UUID awaitDelivery(String incidentId, String organisationId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                        "select alert_id from delivery where incident_id = ? and organisation_id = ?",
                        (rs, n) -> (UUID) rs.getObject(1), incidentId, organisationId).stream().findFirst().orElse(null),
                id -> id != null);
    }

    protected List<AlertStatusChanged> awaitStatus(UUID alertId, DeliveryState state, DeliveryChannel channel) {
        return status.await(1, e -> e.getAlertId().equals(alertId.toString()) && e.getState() == state
                && e.getChannel() == channel);
    }

    protected List<AlertStatusChanged> statusEvents(UUID alertId) {
        return status.matching(e -> e.getAlertId().equals(alertId.toString()));
    }

    /** Every step of the alert is on alerts.status (the relay marked them all published). */
    protected void awaitAllStepsPublished(UUID alertId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from delivery_event where alert_id = ? and published_at is null", Integer.class,
                alertId) == 0);
    }
}
