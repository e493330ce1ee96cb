package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import uk.safeguarding.notification.shared.security.PersonRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnresolvedChildrenTest extends IntegrationTestSupport {
    TestRestTemplate http;

    @BeforeEach
    void signedInAsUnresolvedCaseworker() {
        http = api(PersonRole.UNRESOLVED_CASEWORKER);
    }

    @Test
    void childrenThatCannotBeRoutedLandOnTheUnresolvedTopicAndTableWithTheReason() {
        // given two directory children with the same name and date of birth, and one with no linked services
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String twins = familyName("Abernethy");
        String alone = familyName("Cardew");
        String nhs = SampleIncidents.uniqueNhsNumber();
        LocalDate dob = TestClock.bornYearsAgo(10, 6, 6);
        given(new DirectoryDocument(dir.organisations(), List.of(
                dir.schoolChild("T-CH-E1-" + token, "Ottoline", twins, dob, null),
                dir.schoolChild("T-CH-E2-" + token, "Ottoline", twins, dob, null),
                new DirectoryDocument.Child("T-CH-E3-" + token, "Lavinia", alone, dob, null,
                        List.of(new DirectoryDocument.Identifier(
                                uk.safeguarding.notification.routing.directory.IdentifierScheme.NHS_NUMBER, nhs)),
                        null, null, null)),
                List.of(), List.of()));

        try (TopicProbe<ChildUnresolved> unresolved = TopicProbe.on(Topics.UNRESOLVED)) {
            // when an incident names an unknown child, the ambiguous one and the unlinked one
            IncidentReported incident = SampleIncidents.incident("TST", "UNRES-" + token)
                    .setChildren(new ArrayList<>(List.of(
                            SampleIncidents.child("Nobody", familyName("Unheardof"), dob).build(),
                            SampleIncidents.child("Ottoline", twins, dob).build(),
                            SampleIncidents.child("Lavinia", alone, null).setIdentifiers(new ArrayList<>(List.of(
                                    SampleIncidents.id(IdentifierScheme.NHS_NUMBER,
                                            nhs.substring(0, 3) + " " + nhs.substring(3))))).build())))
                    .build();
            produce(incident);

            // then each child is unresolved with its reason, on the topic (keyed by incident) and in the table
            List<ChildUnresolved> found = unresolved.await(3, c -> c.getIncidentId().equals(incident.getIncidentId()));
            awaitAllIncidentsProcessed();
            assertThat(found).extracting(ChildUnresolved::getChildIndex, ChildUnresolved::getReason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(0, UnresolvedReason.NO_MATCH),
                            org.assertj.core.groups.Tuple.tuple(1, UnresolvedReason.AMBIGUOUS_MATCH),
                            org.assertj.core.groups.Tuple.tuple(2, UnresolvedReason.NO_LINKED_SERVICES));
            assertThat(unresolved.records()).filteredOn(r -> r.value().getIncidentId().equals(incident.getIncidentId()))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo(incident.getIncidentId()));
            assertThat(found).allSatisfy(c -> assertThat(c.getDetail()).doesNotContain("Ottoline", "Nobody", "Lavinia"));

            List<Map<String, Object>> listed = http.exchange("/api/v1/unresolved?incidentId=" + incident.getIncidentId(),
                    HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).getBody();
            assertThat(listed).extracting(m -> m.get("reason"))
                    .containsExactlyInAnyOrder("NO_MATCH", "AMBIGUOUS_MATCH", "NO_LINKED_SERVICES");
            assertThat(ledgerRows(incident.getIncidentId())).isZero();
        }
    }
}
