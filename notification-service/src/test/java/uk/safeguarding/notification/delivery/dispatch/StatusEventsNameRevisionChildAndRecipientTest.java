package uk.safeguarding.notification.delivery.dispatch;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AlertStatusChanged v3: the status relay says which revision of the incident, which child of the police's list and
 * which organisation (by name too) each step is about, from delivery's own copy of the alert; never a person's name.
 */
class StatusEventsNameRevisionChildAndRecipientTest extends DeliveryTestSupport {

    @Test
    void aStepOfAnAlertCarriesTheRevisionThePositionOfTheChildInThePolicesListAndTheRecipientsName() {
        // given a school with a pupil, and an incident naming first a child nobody knows, then the pupil (position 1)
        School school = givenSchoolWithPupil();
        IncidentReported.Builder builder = SampleIncidents.incident("TST", "REF-" + unique());
        builder.setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Alex", school.familyName(), AdultRole.VICTIM))));
        builder.setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Quillon", "Nobodyknows" + unique().replaceAll("\\d", "q"),
                        TestClock.bornYearsAgo(7, 2, 3)).build(),
                SampleIncidents.child(school.givenName(), school.familyName(), school.dateOfBirth()).build())));
        IncidentReported incident = builder.build();

        // when it is routed and delivered
        produce(incident);
        UUID alertId = awaitDelivery(incident.getIncidentId(), school.id());

        // then the SENT step on alerts.status names revision 1, child 1 and the school, and no person
        AlertStatusChanged sent = awaitStatus(alertId, DeliveryState.SENT, DeliveryChannel.PLATFORM).get(0);
        assertThat(sent.getIncidentId()).isEqualTo(incident.getIncidentId());
        assertThat(sent.getIncidentRevision()).isEqualTo(1);
        assertThat(sent.getChildIndex()).isEqualTo(1);
        assertThat(sent.getOrganisationId()).isEqualTo(school.id());
        assertThat(sent.getOrganisationName()).isEqualTo(school.name());
        assertThat(sent.getActorId()).isNull();
        assertThat(sent.toString()).doesNotContain(school.givenName()).doesNotContain(school.familyName());
        // and delivery's copy of the alert keeps the position
        assertThat(jdbc.queryForObject("select child_index from delivered_alert where alert_id = ?", Integer.class,
                alertId)).isEqualTo(1);
    }
}
