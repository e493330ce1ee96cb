package uk.safeguarding.local.e2e;

import uk.safeguarding.testkit.TestClock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5, "each child, and the perpetrator", on the real stack: incidents posted to incident-ingest over HTTPS,
 * routed by notification-service, read on the agency topics as recipients would; the directory changed through its
 * admin API and through the directory topic as a source system would.
 */
class EachChildAndThePerpetratorTest extends AgencyTopicsTest {

    @Test
    void aToddlerIsRoutedToTheHealthVisitorsAndTheNursery() {
        // given a toddler registered with a GP, known to the health visitors and attending a nursery
        String tag = tag();
        String hv = "E2E-HV-" + tag, nursery = "E2E-EY-" + tag, gp = "E2E-GP-" + tag;
        String family = "Hollyhock" + letters(tag);
        LocalDate dob = TestClock.bornYearsAgo(2, 5, 5);
        importDirectory(new DirectoryDocument(List.of(
                org(hv, "Health Visiting Team " + tag, OrganisationKind.HEALTH_VISITING),
                org(nursery, "Bluebell Day Nursery " + tag, OrganisationKind.EARLY_YEARS),
                org(gp, "Test Surgery " + tag, OrganisationKind.GP)),
                List.of(new DirectoryDocument.Child("E2E-CH-" + tag, "Juniper", family, dob, "EX1 1AA", List.of(),
                        null, gp, hv, nursery, null, null, null)), List.of(), List.of()));

        // when police report an incident at which the toddler was present
        IncidentReported incident = SampleIncidents.incident("E2E", "E2E-" + tag + "-TODDLER")
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Alex", family, AdultRole.VICTIM))))
                .setChildren(new ArrayList<>(List.of(SampleIncidents.child("Juniper", family, dob)
                        .setSpokenTo(false).setVoiceOfChild(null).setAdultPresentWhenSpokenTo(null).build())))
                .build();
        assertThat(postIncident(incident).status()).isEqualTo(202);

        // then the health visitors, the nursery and the GP each get the toddler's alert, and nobody else
        Map<AgencyKind, List<AgencyAlert>> alerts = topics.await(incident.getIncidentId(), 1,
                Map.of(AgencyKind.HEALTH_VISITING, 1, AgencyKind.EARLY_YEARS, 1, AgencyKind.GP, 1));
        AgencyTopics.awaitNotificationCaughtUp(services);
        assertThat(AgencyTopics.counts(topics.seen(incident.getIncidentId()))).isEqualTo(
                Map.of(AgencyKind.HEALTH_VISITING, 1, AgencyKind.EARLY_YEARS, 1, AgencyKind.GP, 1));
        assertThat(alerts.get(AgencyKind.HEALTH_VISITING)).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(hv);
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE);
        });
        assertThat(alerts.get(AgencyKind.EARLY_YEARS)).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(nursery);
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.ATTENDS_EARLY_YEARS_SETTING);
            assertThat(a.getChild().getGivenName()).isEqualTo("Juniper");
        });
    }

    @Test
    void aSupervisedSuspectProducesOneProbationAlertThatListsTheChildrenAndAsksForAnAnswer() {
        // given a household: a pupil, a toddler, and a suspect supervised by probation
        TestHousehold household = TestHousehold.create(services);
        IncidentReported incident = household.incident(household.reference("PROBATION")).build();

        // when police report an incident naming them
        assertThat(postIncident(incident).status()).isEqualTo(202);

        // then probation gets ONE alert listing both children, asking whether their needs were considered
        Map<AgencyKind, List<AgencyAlert>> alerts = topics.await(incident.getIncidentId(), 1,
                AgencyTopics.expectedForHousehold());
        AgencyTopics.awaitNotificationCaughtUp(services);
        assertThat(topics.seen(incident.getIncidentId()).get(AgencyKind.PROBATION)).hasSize(1);
        AgencyAlert probation = alerts.get(AgencyKind.PROBATION).get(0);
        assertThat(probation.getRecipient().getOrganisationId()).isEqualTo(household.probationId);
        assertThat(probation.getHouseholdChildren()).extracting(AlertChild::getChildId)
                .containsExactly(household.pupil.id(), household.toddler.id());
        assertThat(probation.getDisclosed().getSupervisedAdult().getCaseReference())
                .isEqualTo(household.suspect.probationCaseReference());
        assertThat(probation.getResponse().getQuestion())
                .isEqualTo("Were the children's safeguarding needs considered, and what was done?");
        assertThat(probation.getResponse().getRespondBy()).isAfter(probation.getRoutedAt());

        // and the unit's answer is recorded once
        String path = "/api/v1/alerts/" + probation.getAlertId() + "/response";
        Http unit = services.as(household.probationId, PersonRole.KEY_ADULT);
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationApi(unit, "GET", path, null).status() == 200);
        Http.Response answered = notificationApi(unit, "POST", path, Map.of("childrenConsidered", true,
                "actions", "Home visit made; both children discussed with the children's social worker."));
        assertThat(answered.status()).isEqualTo(201);
        assertThat(notificationApi(unit, "GET", path, null).body().path("childrenConsidered").asBoolean()).isTrue();
        assertThat(notificationApi(unit, "POST", path, Map.of("childrenConsidered", false, "actions", "again")).status())
                .isEqualTo(409);
    }

    @Test
    void aSchoolMoveAppliedFromTheDirectoryTopicBeforeTheNextIncidentRoutesToTheNewSchool() {
        // given a household whose pupil is at one school, and another school in the directory
        TestHousehold household = TestHousehold.create(services);
        String newSchool = "E2E-SCH-NEW-" + household.tag;
        importDirectory(new DirectoryDocument(List.of(org(newSchool, "Larkspur Academy " + household.tag,
                OrganisationKind.SCHOOL)), List.of(), List.of(), List.of()));

        // when the school census reports the pupil's move on the directory topic
        publishDirectoryChange(DirectoryChanged.newBuilder().setChangeId("E2E-CHG-" + UUID.randomUUID())
                .setKind(DirectoryChangeKind.SCHOOL_CHANGED).setEffectiveAt(TestClock.clock().instant()).setSource("school census")
                .setChildId(household.pupil.id()).setOrganisationId(newSchool).build());
        // and, once it is applied, police report an incident naming the family
        await().atMost(Duration.ofSeconds(30)).until(() -> newSchool.equals(notificationApi(services.as(PersonRole.DIRECTORY_ADMIN), "GET",
                "/api/v1/directory/children/" + household.pupil.id(), null).body().path("schoolId").asText()));
        IncidentReported incident = household.incident(household.reference("MOVED")).build();
        assertThat(postIncident(incident).status()).isEqualTo(202);

        // then the pupil's alert goes to the new school, not the old one
        List<AgencyAlert> school = topics.await(incident.getIncidentId(), 1, Map.of(AgencyKind.SCHOOL, 1))
                .get(AgencyKind.SCHOOL);
        AgencyTopics.awaitNotificationCaughtUp(services);
        assertThat(school).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(newSchool);
            assertThat(a.getChild().getChildId()).isEqualTo(household.pupil.id());
        });
        assertThat(topics.seen(incident.getIncidentId()).get(AgencyKind.SCHOOL)).hasSize(1);
    }

    // ---- the one place each kind of call is made (credentials are added here once the services require them)

    /** A police force posting an incident to incident-ingest. */
    private Http.Response postIncident(IncidentReported incident) {
        return services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident));
    }

    /** A call to notification-service's JSON API, signed in as an organisation's user or an administrator. */
    private Http.Response notificationApi(Http as, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> as.get(services.notificationUrl(path));
            case "POST" -> as.post(services.notificationUrl(path), body);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private void importDirectory(DirectoryDocument document) {
        Http.Response r = notificationApi(services.as(PersonRole.DIRECTORY_ADMIN), "POST", "/api/v1/directory/import",
                document);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** A source system (school census, GP registration, probation caseload) writing onto the directory topic. */
    private void publishDirectoryChange(DirectoryChanged change) {
        try (KafkaProducer<String, DirectoryChanged> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers()),
                Topics.DIRECTORY_CHANGES.keySerializer(),
                Topics.DIRECTORY_CHANGES.valueSerializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        services.registryUrl(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true)))) {
            producer.send(new ProducerRecord<>(Topics.DIRECTORY_CHANGES.name(), change.getChildId(), change)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectoryDocument.Organisation org(String id, String name, OrganisationKind kind) {
        return new DirectoryDocument.Organisation(id, name, kind, null, null, "Safeguarding lead",
                "safeguarding@" + id.toLowerCase(Locale.ROOT) + ".example", "01234 567890", null, "EX1 1AA");
    }

    private static String tag() {
        return String.format(Locale.ROOT, "%d%s", ProcessHandle.current().pid() % 1000,
                UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6));
    }

    /** Digits as letters, so names stay names. */
    private static String letters(String digits) {
        StringBuilder s = new StringBuilder();
        for (char c : digits.toCharArray()) {
            s.append((char) ('a' + (c - '0')));
        }
        return s.toString();
    }
}
