package uk.safeguarding.notification.routing.pipeline;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.TestAlerts;
import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static IncidentReported incident(String id, int revision) {
        return SampleIncidents.incident("STG", "STG-" + id).setIncidentId(id)
                .setRevision(revision).build();
    }

    private static AgencyAlert alertFor(String incidentId, int revision, AgencyKind kind) {
        AgencyAlert a = TestAlerts.alert(UUID.randomUUID(), incidentId, "ORG-" + kind, "Org", kind, null, NOW);
        a.setIncidentRevision(revision);
        return a;
    }

    @Test
    void alertsMadeAfterRoutingJoinTheIncidentRevisionTheyBelongTo() {
        // given a batch of two incidents, the second a second revision, each with its routed alerts
        List<IncidentReported> batch = List.of(incident("I-1", 1), incident("I-2", 2));
        List<List<AgencyAlert>> routed = List.of(List.of(alertFor("I-1", 1, AgencyKind.SCHOOL)), List.of());

        // when a concern referral for the second and an update for the first are added
        AgencyAlert concern = alertFor("I-2", 2, AgencyKind.CHILDRENS_SOCIAL_CARE);
        AgencyAlert update = alertFor("I-1", 1, AgencyKind.GP);
        List<List<AgencyAlert>> joined = Stages.addToTheirIncidents(batch, routed, List.of(concern, update));

        // then each is with its own incident, after what routing made, and the routed lists are unchanged
        assertThat(joined.get(0)).containsExactly(routed.get(0).get(0), update);
        assertThat(joined.get(1)).containsExactly(concern);
        assertThat(routed.get(1)).isEmpty();
    }

    @Test
    void anAlertOfAnotherRevisionOrIncidentIsADefectNotSentElsewhere() {
        List<IncidentReported> batch = List.of(incident("I-1", 2));
        assertThatThrownBy(() -> Stages.addToTheirIncidents(batch, List.of(List.of()),
                List.of(alertFor("I-1", 1, AgencyKind.SCHOOL)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyAlertLeavesThroughTheSharingPolicyWhateverWasAddedToItAfterRouting() {
        // given a GP alert carrying the police's account of the circumstances (which the policy keeps from GPs)
        AgencyAlert gp = alertFor("I-1", 1, AgencyKind.GP);
        gp.setDisclosed(Disclosure.newBuilder(gp.getDisclosed()).setCircumstances("Invented account").build());

        // when the batch passes the policy stage
        List<List<AgencyAlert>> shared = Stages.shared(SharingPolicy.standard(), List.of(List.of(gp)));

        // then what the GP may not be told is gone, and what it may is kept
        assertThat(shared.get(0).get(0).getDisclosed().getCircumstances()).isNull();
        assertThat(shared.get(0).get(0).getDisclosed().getChildPresent()).isTrue();
    }
}
