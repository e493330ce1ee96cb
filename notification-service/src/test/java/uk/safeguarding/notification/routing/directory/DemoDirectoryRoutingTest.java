package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.demo.DemoDirectory;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDirectoryRoutingTest extends IntegrationTestSupport {

    @Test
    void theDemoDirectoryIsSeededAtStartupAndItsNamedHouseholdsRouteAsDocumented() {
        // given the demo directory seeded at startup (notification.demo-directory=true)
        DemoDirectory demo = DemoDirectory.standard(TestClock.today());
        assertThat(directory.child(demo.toddlerHousehold().children().get(0).id())).isPresent();

        // when an incident names the toddler household's children (by name and date of birth) and the supervised
        // adult of HH-0003 as suspect (by PNC id)
        DemoDirectory.Household toddlers = demo.toddlerHousehold();
        DirectoryDocument.Adult supervised = demo.supervisedAdultHousehold().supervisedAdults().get(0);
        List<IncidentChild> children = toddlers.children().stream()
                .map(c -> SampleIncidents.child(c.givenName(), c.familyName(), c.dateOfBirth()).build()).toList();
        IncidentReported incident = SampleIncidents.incident("DEMO", "DEMO-" + unique())
                .setChildren(new ArrayList<>(children))
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult(supervised.givenName(), supervised.familyName(),
                        AdultRole.SUSPECT, SampleIncidents.id(IdentifierScheme.PNC_ID,
                                supervised.identifiers().get(0).value())))))
                .build();

        try (TopicProbe<AgencyAlert> healthVisiting = TopicProbe.on(Topics.alerts(AgencyKind.HEALTH_VISITING));
             TopicProbe<AgencyAlert> probation = TopicProbe.on(Topics.alerts(AgencyKind.PROBATION));
             TopicProbe<AgencyAlert> school = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            produce(incident);

            // then the toddler goes to health visiting, the sibling to school, and probation gets ONE alert naming
            // both and the supervised adult's own household's children
            String id = incident.getIncidentId();
            assertThat(healthVisiting.await(1, a -> a.getIncidentId().equals(id))).singleElement()
                    .satisfies(a -> {
                        assertThat(a.getRecipient().getOrganisationId()).isEqualTo(DemoDirectory.HEALTH_VISITING);
                        assertThat(a.getChild().getChildId()).isEqualTo(toddlers.children().get(0).id());
                    });
            assertThat(school.await(1, a -> a.getIncidentId().equals(id))).singleElement()
                    .satisfies(a -> assertThat(a.getChild().getChildId()).isEqualTo(toddlers.children().get(1).id()));
            List<String> expected = new ArrayList<>(toddlers.children().stream().map(DirectoryDocument.Child::id).toList());
            demo.supervisedAdultHousehold().children().forEach(c -> expected.add(c.id()));
            assertThat(probation.await(1, a -> a.getIncidentId().equals(id))).singleElement().satisfies(a -> {
                assertThat(a.getRecipient().getOrganisationId()).isEqualTo(DemoDirectory.PROBATION);
                assertThat(a.getHouseholdChildren()).extracting(c -> c.getChildId()).containsExactlyElementsOf(expected);
            });
            awaitAllIncidentsProcessed();
            assertThat(probation.matching(a -> a.getIncidentId().equals(id))).hasSize(1);
        }
    }
}
