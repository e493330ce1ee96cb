package uk.safeguarding.notification.routing.directory.changes;

import uk.safeguarding.testkit.TestClock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.ConsumerLag;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory kept current from events: DirectoryChanged records produced onto directory.changes as a source system
 * would (Avro, the registry), applied by notification-service, and what the next incident is routed by.
 */
class DirectoryChangesTest extends IntegrationTestSupport {

    private static final String GROUP = "notification-directory";
    private static volatile KafkaProducer<String, DirectoryChanged> producer;

    private TopicProbe<AgencyAlert> schools;
    private TestDirectory oldSchool;
    private TestDirectory newSchool;
    private String childId;
    private String family;
    private final LocalDate dob = LocalDate.of(2015, 10, 1);

    @BeforeEach
    void givenAPupilAtASchoolAndAnotherSchool() {
        schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
        String token = unique();
        oldSchool = TestDirectory.create(token + "O");
        newSchool = TestDirectory.create(token + "N");
        family = familyName("Wintergreen");
        childId = "T-CH-M-" + token;
        List<DirectoryDocument.Organisation> orgs = new ArrayList<>(oldSchool.organisations());
        orgs.addAll(newSchool.organisations());
        given(new DirectoryDocument(orgs,
                List.of(oldSchool.schoolChild(childId, "Philippa", family, dob, "M" + token.toUpperCase())),
                List.of(), List.of()));
    }

    @AfterEach
    void closeProbe() {
        schools.close();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    private static void publish(DirectoryChanged change) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    EmbeddedInfrastructure.get().kafkaBootstrapServers()), Topics.DIRECTORY_CHANGES.keySerializer(),
                    Topics.DIRECTORY_CHANGES.valueSerializer(EmbeddedInfrastructure.get().serdeConfig()));
        }
        String key = change.getChildId() != null ? change.getChildId()
                : change.getAdultId() != null ? change.getAdultId() : change.getChangeId();
        try {
            producer.send(new ProducerRecord<>(Topics.DIRECTORY_CHANGES.name(), key, change)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectoryChanged.Builder change(DirectoryChangeKind kind, Instant effectiveAt) {
        return DirectoryChanged.newBuilder().setChangeId("CHG-" + unique()).setKind(kind).setEffectiveAt(effectiveAt)
                .setSource("test school census");
    }

    private static void awaitChangesApplied() {
        ConsumerLag.awaitCaughtUp(GROUP, Topics.DIRECTORY_CHANGES.name());
    }

    private String schoolOf(String child) {
        return jdbc.queryForObject("select school_org_id from child where id = ?", String.class, child);
    }

    private IncidentReported incidentNamingTheChild() {
        IncidentReported incident = SampleIncidents.incident("TST", "REF-" + unique())
                .setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Alex", family, AdultRole.VICTIM))))
                .setChildren(new ArrayList<>(List.of(SampleIncidents.child("Philippa", family, dob).build())))
                .build();
        produce(incident);
        return incident;
    }

    @Test
    void aSchoolMoveAppliesFromTheMomentItIsCommittedTheNextIncidentGoesToTheNewSchool() {
        // when the school census reports the move
        DirectoryChanged moved = change(DirectoryChangeKind.SCHOOL_CHANGED, TestClock.clock().instant())
                .setChildId(childId).setOrganisationId(newSchool.school()).build();
        publish(moved);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from directory_change_applied where change_id = ?", Integer.class,
                moved.getChangeId()) == 1);

        // and police then report an incident naming the child
        IncidentReported incident = incidentNamingTheChild();

        // then the new school is alerted, the old one not
        assertThat(schools.await(1, a -> a.getIncidentId().equals(incident.getIncidentId()))).singleElement()
                .satisfies(a -> assertThat(a.getRecipient().getOrganisationId()).isEqualTo(newSchool.school()));
        awaitAllIncidentsProcessed();
        assertThat(schools.matching(a -> a.getIncidentId().equals(incident.getIncidentId()))).hasSize(1);
        assertThat(directory.child(childId).orElseThrow().schoolId()).isEqualTo(newSchool.school());
    }

    @Test
    void theSameChangeTwiceIsAppliedOnceAndAnOlderChangeIsIgnored() {
        // given the move applied
        Instant movedAt = Instant.parse("2026-09-01T08:00:00Z");
        DirectoryChanged moved = change(DirectoryChangeKind.SCHOOL_CHANGED, movedAt)
                .setChildId(childId).setOrganisationId(newSchool.school()).build();
        publish(moved);

        // when the same change arrives again, and then a census record from before the move naming the old school
        publish(moved);
        DirectoryChanged stale = change(DirectoryChangeKind.SCHOOL_CHANGED, movedAt.minus(Duration.ofDays(30)))
                .setChildId(childId).setOrganisationId(oldSchool.school()).build();
        publish(stale);
        awaitChangesApplied();

        // then the move is recorded once, the older change is recorded as stale, and the child stays at the new school
        assertThat(jdbc.queryForList("select outcome from directory_change_applied where change_id = ?", String.class,
                moved.getChangeId())).containsExactly("APPLIED");
        assertThat(jdbc.queryForList("select outcome from directory_change_applied where change_id = ?", String.class,
                stale.getChangeId())).containsExactly("STALE");
        assertThat(schoolOf(childId)).isEqualTo(newSchool.school());
    }

    @Test
    void aChangeFoundByIdentifierAppliesAndOneNamingNobodyOrAnUnknownOrganisationIsRejectedWithTheReason() {
        // when the GP registration names the child by UPN, another names a child nobody knows, another a GP that
        // does not exist, and one has a kind this service does not know
        DirectoryChanged byUpn = change(DirectoryChangeKind.GP_REGISTERED, TestClock.clock().instant())
                .setIdentifier(PersonIdentifier.newBuilder().setScheme(IdentifierScheme.UPN)
                        .setValue(directory.child(childId).orElseThrow().identifiers().get(0).value().toLowerCase()).build())
                .setOrganisationId(newSchool.gp()).build();
        DirectoryChanged nobody = change(DirectoryChangeKind.GP_REGISTERED, TestClock.clock().instant())
                .setChildId("T-NOBODY-" + unique()).setOrganisationId(newSchool.gp()).build();
        DirectoryChanged noSuchGp = change(DirectoryChangeKind.GP_REGISTERED, TestClock.clock().instant())
                .setChildId(childId).setOrganisationId("T-GP-NONE-" + unique()).build();
        DirectoryChanged unknownKind = change(DirectoryChangeKind.UNKNOWN, TestClock.clock().instant()).setChildId(childId).build();
        publish(byUpn);
        publish(nobody);
        publish(noSuchGp);
        publish(unknownKind);
        awaitChangesApplied();

        // then the child is registered with the new GP
        assertThat(directory.child(childId).orElseThrow().gpPracticeId()).isEqualTo(newSchool.gp());
        // and each other change is rejected with its reason, never applied
        assertThat(jdbc.queryForObject("select reason from directory_change_rejected where change_id = ?", String.class,
                nobody.getChangeId())).isEqualTo("no child in the directory with the given id or identifier");
        assertThat(jdbc.queryForObject("select reason from directory_change_rejected where change_id = ?", String.class,
                noSuchGp.getChangeId())).isEqualTo("no organisation with id " + noSuchGp.getOrganisationId());
        assertThat(jdbc.queryForObject("select reason from directory_change_rejected where change_id = ?", String.class,
                unknownKind.getChangeId())).isEqualTo("unknown kind of change UNKNOWN");
        assertThat(jdbc.queryForObject("select count(*) from directory_change_applied where change_id in (?, ?, ?)",
                Integer.class, nobody.getChangeId(), noSuchGp.getChangeId(), unknownKind.getChangeId())).isZero();
    }

    @Test
    void aProbationCaseOpenedForAnAdultFoundByPncIdMakesThemSupervised() {
        // given an adult in the directory, not supervised
        String token = unique();
        String pnc = "25/" + token.substring(0, 7) + "K";
        String adultId = "T-AD-C-" + token;
        given(new DirectoryDocument(List.of(), List.of(), List.of(new DirectoryDocument.Adult(adultId, "Ambrose",
                family, LocalDate.of(1985, 5, 5), List.of(new DirectoryDocument.Identifier(
                        uk.safeguarding.notification.routing.directory.IdentifierScheme.PNC_ID, pnc)), null, null)), List.of()));

        // when probation reports a case opened, then closed
        publish(change(DirectoryChangeKind.PROBATION_CASE_OPENED, Instant.parse("2026-10-01T10:00:00Z"))
                .setIdentifier(PersonIdentifier.newBuilder().setScheme(IdentifierScheme.PNC_ID).setValue(pnc).build())
                .setOrganisationId(oldSchool.probation()).setCaseReference("CASE-OPEN-" + token).build());
        awaitChangesApplied();

        // then the adult is supervised by that unit with the case reference
        assertThat(directory.adult(adultId).orElseThrow()).satisfies(a -> {
            assertThat(a.probationDeliveryUnitId()).isEqualTo(oldSchool.probation());
            assertThat(a.probationCaseReference()).isEqualTo("CASE-OPEN-" + token);
        });

        // when the case is closed
        publish(change(DirectoryChangeKind.PROBATION_CASE_CLOSED, Instant.parse("2026-11-01T10:00:00Z"))
                .setAdultId(adultId).build());
        awaitChangesApplied();

        // then no longer
        assertThat(directory.adult(adultId).orElseThrow().probationDeliveryUnitId()).isNull();
    }
}
