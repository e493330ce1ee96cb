package uk.safeguarding.schemas;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.OfficerContact;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.serde.MockSchemaRegistryClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    final String scope = "topics-test-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void incidentRoundTripsThroughTheTopicSerdesAsTheGeneratedClass() {
        // given an incident with nested records, enums, dates and instants
        IncidentReported incident = IncidentReported.newBuilder()
                .setIncidentId(IncidentIds.forPoliceReference("XX", "REF-1")).setForceCode("XX")
                .setPoliceReference("REF-1").setRevision(2)
                .setOccurredAt(Instant.parse("2026-03-29T00:30:00Z")).setReportedAt(Instant.parse("2026-03-29T02:00:00Z"))
                .setRiskLevel(RiskLevel.HIGH)
                .setAdults(List.of(IncidentAdult.newBuilder().setGivenName("A").setFamilyName("B")
                        .setRole(AdultRole.SUSPECT).setIdentifiers(List.of(PersonIdentifier.newBuilder()
                                .setScheme(IdentifierScheme.PNC_ID).setValue("12/345678A").build())).build()))
                .setChildren(List.of(IncidentChild.newBuilder().setGivenName("C").setFamilyName("D")
                        .setDateOfBirth(LocalDate.of(2019, 2, 28)).setIdentifiers(List.of()).setPresent(false).build()))
                .setAttendingOfficer(OfficerContact.newBuilder().setName("PC E").build())
                .build();
        Map<String, Object> serde = Map.of("schema.registry.url", "mock://" + scope);

        // when it is written and read with the incidents topic's serdes
        byte[] bytes = Topics.INCIDENTS.valueSerializer(serde).serialize(Topics.INCIDENTS.name(), incident);
        IncidentReported read = Topics.INCIDENTS.valueDeserializer(serde).deserialize(Topics.INCIDENTS.name(), bytes);

        // then the same incident comes back, as the generated class, under the topic's subject
        assertThat(read).isEqualTo(incident);
        assertThat(read.getChildren().get(0).getDateOfBirth()).isEqualTo(LocalDate.of(2019, 2, 28));
        assertThat(MockSchemaRegistryClient.forScope(scope)
                .getLatestSchemaMetadata(Topics.INCIDENTS.valueSubject()).schema())
                .isEqualTo(IncidentReported.getClassSchema());
    }

    @Test
    void everyAgencyKindButUnknownHasItsOwnTopic() {
        Set<AgencyKind> kinds = Set.copyOf(Topics.alertTopics().keySet());
        assertThat(kinds).containsExactlyInAnyOrder(
                java.util.Arrays.stream(AgencyKind.values()).filter(k -> k != AgencyKind.UNKNOWN).toArray(AgencyKind[]::new));
        assertThat(Topics.alertTopics().values().stream().map(Topics.Topic::name).collect(Collectors.toSet()))
                .hasSize(kinds.size());
    }

    @Test
    void topicNamesAreOfferedAsSpringProperties() {
        assertThat(Topics.asProperties())
                .containsEntry("topics.incidents", Topics.INCIDENTS.name())
                .containsEntry("topics.alerts.school", Topics.alerts(AgencyKind.SCHOOL).name())
                .containsEntry("topics.incidents-dlt", Topics.INCIDENTS_DEAD_LETTER.name())
                .hasSize(Topics.all().size());
    }

    @Test
    void incidentIdIsTheSameForEveryRevisionAndIgnoresCaseOfTheForceCode() {
        assertThat(IncidentIds.forPoliceReference("wmp", "REF-9"))
                .isEqualTo(IncidentIds.forPoliceReference("WMP", " REF-9 "))
                .isNotEqualTo(IncidentIds.forPoliceReference("WMP", "REF-10"));
    }
}
