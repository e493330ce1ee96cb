package uk.safeguarding.notification.routing;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.avro.SupervisedAdult;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosuresTest {

    private final IncidentReported incident = SampleIncidents.incident("TST", "D-1").build();
    private final IncidentChild child = SampleIncidents.child("Ann", "Lee", LocalDate.of(2015, 1, 1)).build();
    private final SupervisedAdult adult = SupervisedAdult.newBuilder().setGivenName("Sam").setFamilyName("Lee")
            .setRole(AdultRole.SUSPECT).setCaseReference("C-1").build();

    @Test
    void aSchoolIsToldTheEncompassFieldsButNotRiskLocationCircumstancesOrAdults() {
        Disclosure d = Disclosures.select(AgencyKind.SCHOOL, incident, child, adult);
        assertThat(d.getOccurredAt()).isEqualTo(incident.getOccurredAt());
        assertThat(d.getReportedAt()).isEqualTo(incident.getReportedAt());
        assertThat(d.getChildPresent()).isTrue();
        assertThat(d.getChildSpokenTo()).isTrue();
        assertThat(d.getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(d.getAdultPresentWhenSpokenTo()).isFalse();
        assertThat(d.getWelfareCheckMade()).isTrue();
        assertThat(d.getAttendingOfficer()).isEqualTo(incident.getAttendingOfficer());
        assertThat(d.getRiskLevel()).isNull();
        assertThat(d.getLocation()).isNull();
        assertThat(d.getCircumstances()).isNull();
        assertThat(d.getSupervisedAdult()).isNull();
    }

    @Test
    void healthIsAlsoToldTheRiskLevel() {
        for (AgencyKind kind : new AgencyKind[]{AgencyKind.SCHOOL_NURSE, AgencyKind.GP, AgencyKind.HEALTH_VISITING}) {
            Disclosure d = Disclosures.select(kind, incident, child, adult);
            assertThat(d.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(d.getVoiceOfChild()).isNotNull();
            assertThat(d.getLocation()).isNull();
            assertThat(d.getSupervisedAdult()).isNull();
        }
    }

    @Test
    void probationIsAlsoToldTheRiskLevelAndTheSupervisedAdult() {
        Disclosure d = Disclosures.select(AgencyKind.PROBATION, incident, child, adult);
        assertThat(d.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(d.getSupervisedAdult()).isEqualTo(adult);
        assertThat(d.getLocation()).isNull();
        assertThat(d.getCircumstances()).isNull();
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> Disclosures.select(AgencyKind.UNKNOWN, incident, child, adult))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
