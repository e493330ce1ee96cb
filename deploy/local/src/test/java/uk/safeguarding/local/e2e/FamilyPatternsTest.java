package uk.safeguarding.local.e2e;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.ConcernRule;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.PriorIncident;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.schemas.IncidentIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.local.e2e.AgencyTopics.awaitNotificationCaughtUp;
import static uk.safeguarding.local.e2e.AgencyTopics.counts;
import static uk.safeguarding.local.e2e.AgencyTopics.expectedForHousehold;

/**
 * The whole family on the real stack (incident-ingest over HTTPS, Kafka, notification-service): the third incident of a
 * household in a year raises escalating concern to children's social care, and a revision updates the alerts it
 * replaces instead of duplicating them or counting as a new incident.
 */
class FamilyPatternsTest extends AgencyTopicsTest {

    /** Every incident of these tests is posted here, as the force's system would (one place to add credentials). */
    private Http.Response post(IncidentReported incident) {
        return services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident));
    }

    /** An incident of the watched force about the household, naming only the children and adults chosen. */
    private static IncidentReported incident(TestHousehold h, String what, String occurredAt, boolean pupil,
                                             boolean toddler, boolean suspect) {
        String reference = h.reference(what);
        IncidentReported template = h.incident(reference).build();
        Instant occurred = Instant.parse(occurredAt);
        List<IncidentChild> children = new ArrayList<>();
        if (pupil) {
            children.add(template.getChildren().get(0));
        }
        if (toddler) {
            children.add(template.getChildren().get(1));
        }
        IncidentReported.Builder b = IncidentReported.newBuilder(template)
                .setForceCode(Services.FAMILY_FORCE)
                .setIncidentId(IncidentIds.forPoliceReference(Services.FAMILY_FORCE, reference))
                .setOccurredAt(occurred).setReportedAt(occurred.plusSeconds(3600))
                .setChildren(children);
        if (!suspect) {
            b.setAdults(new ArrayList<>(List.of(template.getAdults().get(0))));
        }
        return b.build();
    }

    @Test
    void theThirdIncidentInAYearRaisingEscalatingConcern() {
        // given a household (pupil, toddler, their parent) and the area's children's social care in the directory
        TestHousehold household = TestHousehold.create(services);
        Http.Response imported = services.as(uk.safeguarding.notification.shared.security.PersonRole.DIRECTORY_ADMIN)
                .post(services.notificationUrl("/api/v1/directory/import"),
                new DirectoryDocument(List.of(new DirectoryDocument.Organisation(Services.FAMILY_CSC,
                        "Children's Social Care (MASH) E2E", OrganisationKind.CHILDRENS_SOCIAL_CARE, null, null,
                        "MASH lead", "mash@e2e-csc.example", "01234 567890", null, "EX1 1AA")), null, null, null));
        assertThat(imported.status()).isEqualTo(200);
        // and two medium-risk incidents this year under different police references: one about the pupil, one about
        // the toddler
        IncidentReported first = incident(household, "FIRST", "2026-02-14T19:30:00Z", true, false, false);
        IncidentReported second = incident(household, "SECOND", "2026-06-20T21:00:00Z", false, true, false);
        assertThat(post(first).status()).isEqualTo(202);
        assertThat(post(second).status()).isEqualTo(202);
        // both routed (on whichever partitions and threads) before the third arrives, as on a real day
        topics.await(first.getIncidentId(), 1, Map.of(AgencyKind.SCHOOL, 1));
        topics.await(second.getIncidentId(), 1, Map.of(AgencyKind.HEALTH_VISITING, 1));

        // when the force posts a third, about the pupil and the parent
        IncidentReported third = incident(household, "THIRD", "2026-11-20T22:15:00Z", true, false, true);
        assertThat(post(third).status()).isEqualTo(202);

        // then children's social care receives one escalating-concern alert naming the household's children
        Map<AgencyKind, List<AgencyAlert>> alerts = topics.await(third.getIncidentId(), 1,
                Map.of(AgencyKind.CHILDRENS_SOCIAL_CARE, 1, AgencyKind.SCHOOL, 1));
        awaitNotificationCaughtUp(services);
        assertThat(alerts.get(AgencyKind.CHILDRENS_SOCIAL_CARE)).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(Services.FAMILY_CSC);
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.CONCERN_RULE);
            assertThat(a.getConcern().getRule()).isEqualTo(ConcernRule.ESCALATING_CONCERN);
            assertThat(a.getConcern().getDetail()).contains("3 incidents involving the family in 12 months");
            assertThat(a.getHouseholdChildren()).extracting(AlertChild::getChildId)
                    .containsExactly(household.pupil.id(), household.toddler.id());
            assertThat(a.getDueBy()).isNotNull();
        });
        // and every alert of the third incident tells its recipient about the two before it, newest first
        assertThat(alerts.values().stream().flatMap(List::stream)).allSatisfy(a -> {
            assertThat(a.getFamilyHistory().getIncidentsLast12Months()).isEqualTo(2);
            assertThat(a.getFamilyHistory().getIncidents()).extracting(PriorIncident::getIncidentId)
                    .containsExactly(second.getIncidentId(), first.getIncidentId());
        });
        // and neither earlier incident raised a concern
        assertThat(topics.seen(first.getIncidentId()).get(AgencyKind.CHILDRENS_SOCIAL_CARE)).isEmpty();
        assertThat(topics.seen(second.getIncidentId()).get(AgencyKind.CHILDRENS_SOCIAL_CARE)).isEmpty();
    }

    @Test
    void aRevisionUpdatingInsteadOfDuplicating() {
        // given revision 1 of an incident about the household, routed
        TestHousehold household = TestHousehold.create(services);
        IncidentReported revision1 = household.incident(household.reference("REVISED")).build();
        assertThat(post(revision1).status()).isEqualTo(202);
        Map<AgencyKind, List<AgencyAlert>> first = topics.await(revision1.getIncidentId(), 1, expectedForHousehold());

        // when the force posts revision 2: the risk is high and the pupil said more
        IncidentReported revision2 = IncidentReported.newBuilder(revision1).setRevision(2)
                .setReportedAt(revision1.getReportedAt().plusSeconds(3600)).setRiskLevel(RiskLevel.HIGH).build();
        revision2.getChildren().get(0).setVoiceOfChild("They were shouting again after the police left");
        assertThat(post(revision2).status()).isEqualTo(202);

        // then each recipient gets one alert for revision 2, updating its alert for revision 1
        Map<AgencyKind, List<AgencyAlert>> second = topics.await(revision1.getIncidentId(), 2, expectedForHousehold());
        awaitNotificationCaughtUp(services);
        assertThat(counts(second)).isEqualTo(expectedForHousehold());
        Set<String> firstIds = first.values().stream().flatMap(List::stream).map(AgencyAlert::getAlertId)
                .collect(Collectors.toSet());
        assertThat(second.values().stream().flatMap(List::stream)).allSatisfy(a -> {
            assertThat(a.getUpdate()).isNotNull();
            assertThat(a.getUpdate().getPreviousRevision()).isEqualTo(1);
            assertThat(firstIds).contains(a.getUpdate().getPreviousAlertId());
            // and a revision is never a new incident of the family
            assertThat(a.getFamilyHistory().getIncidentsLast12Months()).isZero();
        });
        assertThat(second.get(AgencyKind.SCHOOL)).singleElement().satisfies(a ->
                assertThat(a.getUpdate().getChanges()).extracting(CharSequence::toString)
                        .containsExactly("when police reported it changed", "child's words changed"));
        assertThat(second.get(AgencyKind.GP)).filteredOn(a -> a.getChild().getChildId().equals(household.pupil.id()))
                .singleElement().satisfies(a -> assertThat(a.getUpdate().getChanges()).extracting(CharSequence::toString)
                        .contains("risk level raised from MEDIUM to HIGH", "child's words changed"));
        // and the school's revision 2 alert replaces exactly its revision 1 alert
        assertThat(second.get(AgencyKind.SCHOOL).get(0).getUpdate().getPreviousAlertId())
                .isEqualTo(first.get(AgencyKind.SCHOOL).get(0).getAlertId());
        // and revision 1 got nothing more
        assertThat(counts(topics.seen(a -> a.getIncidentId().equals(revision1.getIncidentId())
                && a.getIncidentRevision() == 1))).isEqualTo(expectedForHousehold());
    }
}
