package uk.safeguarding.notification.routing.router;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each child by age and setting, through the incidents topic: a toddler at a nursery, a 16-year-old at college and a
 * child educated at home, each in their own right, each to their own services' topics.
 */
class SettingsRoutingTest extends IntegrationTestSupport {

    private final Map<AgencyKind, TopicProbe<AgencyAlert>> probes = new EnumMap<>(AgencyKind.class);

    @BeforeEach
    void openProbes() {
        for (AgencyKind kind : List.of(AgencyKind.SCHOOL, AgencyKind.GP, AgencyKind.HEALTH_VISITING,
                AgencyKind.EARLY_YEARS, AgencyKind.COLLEGE, AgencyKind.LOCAL_AUTHORITY)) {
            probes.put(kind, TopicProbe.on(Topics.alerts(kind)));
        }
    }

    @AfterEach
    void closeProbes() {
        probes.values().forEach(TopicProbe::close);
    }

    private static DirectoryDocument.Organisation org(String id, String name, OrganisationKind kind) {
        return new DirectoryDocument.Organisation(id, name, kind, null, null, "Lead",
                "lead@" + id.toLowerCase() + ".example", "01234 567890", null, "EX1 1AA");
    }

    @Test
    void aToddlerAtANurseryASixteenYearOldAtCollegeAndAChildEducatedAtHomeEachReachTheirOwnServices() {
        // given a family: a toddler at a nursery, a 16-year-old at college, a 10-year-old educated at home (still
        // linked to the school they left)
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String nursery = "T-EY-" + token, college = "T-COL-" + token, la = "T-LA-" + token;
        List<DirectoryDocument.Organisation> orgs = new ArrayList<>(dir.organisations());
        orgs.add(org(nursery, "Test Nursery", OrganisationKind.EARLY_YEARS));
        orgs.add(org(college, "Test College", OrganisationKind.COLLEGE));
        orgs.add(org(la, "Test Council", OrganisationKind.LOCAL_AUTHORITY));
        String family = familyName("Brackenbury");
        LocalDate toddlerDob = TestClock.bornYearsAgo(2, 2, 2), studentDob = TestClock.bornYearsAgo(16, 1, 15),
                homeDob = TestClock.bornYearsAgo(10, 4, 4);
        given(new DirectoryDocument(orgs, List.of(
                new DirectoryDocument.Child("T-CH-EY-" + token, "Clementine", family, toddlerDob, "EX1 1AA", List.of(),
                        null, dir.gp(), dir.healthVisiting(), nursery, null, null, null),
                new DirectoryDocument.Child("T-CH-COL-" + token, "Leopold", family, studentDob, "EX1 1AA", List.of(),
                        null, dir.gp(), null, null, college, null, null),
                new DirectoryDocument.Child("T-CH-HE-" + token, "Marigold", family, homeDob, "EX1 1AA", List.of(),
                        dir.school(), dir.gp(), null, null, null, true, la)), List.of(), List.of()));

        // when police report an incident naming all three
        IncidentReported incident = SampleIncidents.incident("TST", "REF-" + unique())
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Alex", family, AdultRole.VICTIM))))
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Clementine", family, toddlerDob).build(),
                        SampleIncidents.child("Leopold", family, studentDob).build(),
                        SampleIncidents.child("Marigold", family, homeDob).build())))
                .build();
        produce(incident);
        String id = incident.getIncidentId();

        // then the toddler reaches the health visitors and the nursery
        assertThat(probes.get(AgencyKind.HEALTH_VISITING).await(1, a -> a.getIncidentId().equals(id))).singleElement()
                .satisfies(a -> assertThat(a.getChild().getChildId()).isEqualTo("T-CH-EY-" + token));
        assertThat(probes.get(AgencyKind.EARLY_YEARS).await(1, a -> a.getIncidentId().equals(id))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getRecipient().getOrganisationId()).isEqualTo(nursery);
                    assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.ATTENDS_EARLY_YEARS_SETTING);
                    assertThat(a.getChild().getChildId()).isEqualTo("T-CH-EY-" + token);
                    assertThat(a.getDueBy()).isNotNull();
                });
        // and the 16-year-old the college
        assertThat(probes.get(AgencyKind.COLLEGE).await(1, a -> a.getIncidentId().equals(id))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getRecipient().getOrganisationId()).isEqualTo(college);
                    assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.ENROLLED_AT_COLLEGE);
                    assertThat(a.getChild().getChildId()).isEqualTo("T-CH-COL-" + token);
                });
        // and the child educated at home the local authority's officer, not the school they left
        assertThat(probes.get(AgencyKind.LOCAL_AUTHORITY).await(1, a -> a.getIncidentId().equals(id))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getRecipient().getOrganisationId()).isEqualTo(la);
                    assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.HOME_EDUCATED);
                    assertThat(a.getChild().getChildId()).isEqualTo("T-CH-HE-" + token);
                });
        // and every one of them their GP; nothing else
        assertThat(probes.get(AgencyKind.GP).await(3, a -> a.getIncidentId().equals(id))).hasSize(3);
        awaitAllIncidentsProcessed();
        assertThat(probes.get(AgencyKind.SCHOOL).matching(a -> a.getIncidentId().equals(id))).isEmpty();
        assertThat(ledgerRows(id)).isEqualTo(7);
    }
}
