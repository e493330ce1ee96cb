package uk.safeguarding.notification.routing.router;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.Consent;
import uk.safeguarding.avro.ConsentStatus;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The router builds every alert through the information-sharing policy it is given. */
class RouterPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final DirectoryView.Child PUPIL =
            new DirectoryView.Child("CH-P", "Perpetua", "Brindlecombe", LocalDate.of(2017, 5, 10), "SCH-1", "GP-1", "HV-1");

    private static IncidentReported incident(Consent consent) {
        return SampleIncidents.incident("TST", "RP-1").setConsent(consent)
                .setChildren(new ArrayList<>(List.of(SampleIncidents.child(PUPIL.givenName(), PUPIL.familyName(),
                        PUPIL.dateOfBirth()).build())))
                .setAdults(new ArrayList<>()).build();
    }

    private static Map<AgencyKind, AgencyAlert> byKind(Router.Outcome outcome) {
        return outcome.alerts().stream().collect(Collectors.toMap(a -> a.getRecipient().getKind(), a -> a));
    }

    @Test
    void everyRoutedAlertCarriesThePolicyVersionAndLawfulBasisEvenWithConsentRefused() {
        Router.Outcome outcome = new Router(SharingPolicy.standard(), ProbationQuestion.DEFAULT_ANSWER_WITHIN_WORKING_DAYS)
                .route(incident(new Consent(ConsentStatus.REFUSED, null)), Views.standard().child(PUPIL).build(),
                        Deadlines.none(), NOW);

        assertThat(byKind(outcome).keySet()).containsExactlyInAnyOrder(AgencyKind.SCHOOL, AgencyKind.SCHOOL_NURSE,
                AgencyKind.GP);
        for (AgencyAlert alert : outcome.alerts()) {
            assertThat(alert.getPolicyVersion()).isEqualTo(SharingPolicy.standard().version());
            assertThat(alert.getLawfulBasis()).contains("safeguarding: consent not required")
                    .contains("consent refused");
        }
        AgencyAlert school = byKind(outcome).get(AgencyKind.SCHOOL);
        assertThat(school.getDisclosed().getVoiceOfChild()).isEqualTo("I hid in my room");
        assertThat(school.getDisclosed().getRiskLevel()).isNull();
        assertThat(school.getDisclosed().getLocation()).isNull();
        assertThat(byKind(outcome).get(AgencyKind.GP).getDisclosed().getRiskLevel()).isNotNull();
    }

    @Test
    void anotherPolicyChangesWhatTheRouterSendsAndAKindItDoesNotListGetsOnlyIds() {
        SharingPolicy area = SharingPolicy.parse("""
                version: "area-7"
                recipients:
                  SCHOOL:
                    lawful-basis: "area basis"
                    fields: [location, circumstances]
                """, "test");

        Map<AgencyKind, AgencyAlert> alerts = byKind(new Router(area, ProbationQuestion.DEFAULT_ANSWER_WITHIN_WORKING_DAYS)
                .route(incident(null), Views.standard().child(PUPIL).build(), Deadlines.none(), NOW));

        AgencyAlert school = alerts.get(AgencyKind.SCHOOL);
        assertThat(school.getDisclosed().getLocation()).isNotNull();
        assertThat(school.getDisclosed().getCircumstances()).isNotNull();
        assertThat(school.getDisclosed().getVoiceOfChild()).isNull();
        assertThat(school.getPolicyVersion()).isEqualTo("area-7");
        AgencyAlert gp = alerts.get(AgencyKind.GP);
        assertThat(gp).as("still routed: the recipient learns there is an alert for a child id").isNotNull();
        assertThat(gp.getDisclosed().getVoiceOfChild()).isNull();
        assertThat(gp.getDisclosed().getOccurredAt()).isNull();
        assertThat(gp.getChild().getGivenName()).isEmpty();
        assertThat(gp.getChild().getChildId()).isEqualTo("CH-P");
        assertThat(gp.getLawfulBasis()).startsWith("none:");
    }
}
