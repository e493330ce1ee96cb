package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.testkit.TestClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentRoutingTest extends IntegrationTestSupport {

    private final Map<AgencyKind, TopicProbe<AgencyAlert>> probes = new EnumMap<>(AgencyKind.class);
    private TestDirectory dir;
    private String family;
    private String toddlerFamily;
    private String upn;
    private String pnc;
    private String schoolChildId;
    private String toddlerId;

    @BeforeEach
    void givenAFamilyInTheDirectory() {
        for (AgencyKind kind : List.of(AgencyKind.SCHOOL, AgencyKind.SCHOOL_NURSE, AgencyKind.GP,
                AgencyKind.HEALTH_VISITING, AgencyKind.PROBATION)) {
            probes.put(kind, TopicProbe.on(Topics.alerts(kind)));
        }
        String token = unique();
        dir = TestDirectory.create(token);
        family = familyName("Quillfeather");
        toddlerFamily = "Ó " + family + "-" + familyName("Dale"); // unique parts: a shared "Dale" would make twins of other tests' toddlers
        upn = SampleIncidents.uniqueUpn();
        pnc = "26/" + token.substring(0, 7) + "Z";
        schoolChildId = "T-CH-A-" + token;
        toddlerId = "T-CH-B-" + token;
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild(schoolChildId, "Wilhelmina", family, TestClock.bornYearsAgo(9, 5, 10), upn),
                        dir.toddler(toddlerId, "Zoë", toddlerFamily, TestClock.bornYearsAgo(2, 3, 1))),
                List.of(dir.supervisedAdult("T-AD-" + token, "Barnaby", family, LocalDate.of(1988, 2, 2), pnc)),
                List.of()));
    }

    @AfterEach
    void closeProbes() {
        probes.values().forEach(TopicProbe::close);
    }

    private IncidentReported.Builder incident(String reference) {
        IncidentReported.Builder incident = SampleIncidents.incident("TST", reference);
        incident.setAdults(new ArrayList<>(List.of(
                SampleIncidents.adult("Alex", family, AdultRole.VICTIM),
                SampleIncidents.adult("Barnaby", family, AdultRole.SUSPECT,
                        SampleIncidents.id(IdentifierScheme.PNC_ID, pnc)))));
        incident.setChildren(new ArrayList<>(List.of(
                // by identifier (the police have a different spelling of the name)
                SampleIncidents.child("Willa", family, TestClock.bornYearsAgo(9, 5, 10))
                        .setIdentifiers(new ArrayList<>(List.of(SampleIncidents.id(IdentifierScheme.UPN, upn)))).build(),
                // by name and date of birth, with different case, accents and hyphen
                SampleIncidents.child("ZOE", toddlerFamily.toUpperCase().replace("Ó", "O").replace("-", " "),
                        TestClock.bornYearsAgo(2, 3, 1)).build())));
        return incident;
    }

    private List<AgencyAlert> alertsFor(AgencyKind kind, String incidentId) {
        return probes.get(kind).matching(a -> a.getIncidentId().equals(incidentId));
    }

    private int allAlertsFor(String incidentId) {
        return probes.keySet().stream().mapToInt(k -> alertsFor(k, incidentId).size()).sum();
    }

    @Test
    void anIncidentForDirectoryChildrenAlertsEveryLinkedServiceOnItsOwnTopicAndRecordsEachInTheLedger() {
        // given the family above: a pupil (school, nurse, GP), a toddler (GP, health visiting), a supervised suspect
        IncidentReported incident = incident("REF-" + unique()).build();

        // when
        produce(incident);

        // then: school, nurse for the pupil; GP for both; health visiting for the toddler; ONE probation alert naming both
        String id = incident.getIncidentId();
        List<ConsumerRecord<String, AgencyAlert>> school = probes.get(AgencyKind.SCHOOL)
                .awaitRecords(1, r -> r.value().getIncidentId().equals(id));
        probes.get(AgencyKind.SCHOOL_NURSE).await(1, a -> a.getIncidentId().equals(id));
        probes.get(AgencyKind.GP).await(2, a -> a.getIncidentId().equals(id));
        probes.get(AgencyKind.HEALTH_VISITING).await(1, a -> a.getIncidentId().equals(id));
        probes.get(AgencyKind.PROBATION).await(1, a -> a.getIncidentId().equals(id));
        awaitAllIncidentsProcessed();

        assertThat(school).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(dir.school());
            AgencyAlert a = r.value();
            assertThat(a.getChild().getChildId()).isEqualTo(schoolChildId);
            assertThat(a.getChild().getGivenName()).isEqualTo("Wilhelmina");
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.ENROLLED_AT_SCHOOL);
            assertThat(a.getRoutingDetail()).isEqualTo("enrolled at school " + dir.school());
            assertThat(a.getIncidentRevision()).isEqualTo(1);
            assertThat(a.getDisclosed().getVoiceOfChild()).isEqualTo("I hid in my room");
            assertThat(a.getDisclosed().getLocation()).isNull();
            assertThat(a.getDisclosed().getRiskLevel()).isNull();
            assertThat(a.getDisclosed().getSupervisedAdult()).isNull();
        });
        assertThat(alertsFor(AgencyKind.SCHOOL_NURSE, id)).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(dir.nurse());
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.SCHOOL_NURSE_FOR_SCHOOL);
            assertThat(a.getChild().getChildId()).isEqualTo(schoolChildId);
        });
        assertThat(alertsFor(AgencyKind.GP, id)).extracting(a -> a.getChild().getChildId())
                .containsExactlyInAnyOrder(schoolChildId, toddlerId);
        assertThat(alertsFor(AgencyKind.HEALTH_VISITING, id)).singleElement().satisfies(a -> {
            assertThat(a.getChild().getChildId()).isEqualTo(toddlerId);
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE);
            assertThat(a.getDisclosed().getRiskLevel()).isNotNull();
        });
        assertThat(alertsFor(AgencyKind.PROBATION, id)).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(dir.probation());
            assertThat(a.getChild().getChildId()).isEqualTo(schoolChildId);
            assertThat(a.getHouseholdChildren()).extracting(c -> c.getChildId()).containsExactly(schoolChildId, toddlerId);
            assertThat(a.getResponse().getQuestion())
                    .isEqualTo("Were the children's safeguarding needs considered, and what was done?");
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.ADULT_SUPERVISED_BY_PROBATION);
            assertThat(a.getDisclosed().getSupervisedAdult().getFamilyName()).isEqualTo(family);
            assertThat(a.getDisclosed().getSupervisedAdult().getRole()).isEqualTo(AdultRole.SUSPECT);
            assertThat(a.getDisclosed().getSupervisedAdult().getCaseReference()).isEqualTo("CASE-" + dir.token());
        });
        assertThat(allAlertsFor(id)).isEqualTo(6);

        Set<String> sent = probes.keySet().stream().flatMap(k -> alertsFor(k, id).stream())
                .map(AgencyAlert::getAlertId).collect(Collectors.toSet());
        List<Map<String, Object>> ledger = jdbc.queryForList(
                "select alert_id::text as alert_id, recipient_kind, topic, revision, source_offset from alert_ledger"
                        + " where incident_id = ?", id);
        assertThat(ledger).hasSize(6);
        assertThat(ledger).extracting(r -> r.get("alert_id")).containsExactlyInAnyOrderElementsOf(sent);
        // the payload recorded is the alert sent, under the same id
        assertThat(ledgerAlerts(id)).extracting(AgencyAlert::getAlertId).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(ledger).allSatisfy(r -> {
            assertThat(r.get("topic")).isEqualTo(Topics.alerts(AgencyKind.valueOf((String) r.get("recipient_kind"))).name());
        });
    }

    @Test
    void theSameIncidentRecordProducedAgainYieldsNoNewAlertAndNoNewLedgerRow() {
        // given an incident routed once
        IncidentReported incident = incident("REF-" + unique()).build();
        produce(incident);
        probes.get(AgencyKind.PROBATION).await(1, a -> a.getIncidentId().equals(incident.getIncidentId()));
        awaitAllIncidentsProcessed();
        int alertsBefore = allAlertsFor(incident.getIncidentId());

        // when the same record is produced again
        produce(incident);
        awaitAllIncidentsProcessed();

        // then nothing more
        assertThat(allAlertsFor(incident.getIncidentId())).isEqualTo(alertsBefore).isEqualTo(6);
        assertThat(ledgerRows(incident.getIncidentId())).isEqualTo(6);
    }

    @Test
    void aNewRevisionYieldsNewAlertsCarryingTheNewRevision() {
        // given revision 1 routed
        IncidentReported first = incident("REF-" + unique()).build();
        produce(first);
        probes.get(AgencyKind.SCHOOL).await(1, a -> a.getIncidentId().equals(first.getIncidentId()));

        // when revision 2 arrives
        IncidentReported second = IncidentReported.newBuilder(first).setRevision(2).build();
        produce(second);

        // then every recipient hears again, with revision 2 and new alert ids
        List<AgencyAlert> schoolAlerts = probes.get(AgencyKind.SCHOOL).await(1,
                a -> a.getIncidentId().equals(first.getIncidentId()) && a.getIncidentRevision() == 2);
        awaitAllIncidentsProcessed();
        assertThat(allAlertsFor(first.getIncidentId())).isEqualTo(12);
        assertThat(schoolAlerts.get(0).getAlertId()).isNotEqualTo(
                alertsFor(AgencyKind.SCHOOL, first.getIncidentId()).get(0).getAlertId());
        assertThat(ledgerRows(first.getIncidentId())).isEqualTo(12);
    }

    @Test
    void anOlderRevisionAfterANewerOneYieldsNothingAndIsRecordedAsSuperseded() {
        // given revision 2 routed
        IncidentReported newer = incident("REF-" + unique()).setRevision(2).build();
        produce(newer);
        probes.get(AgencyKind.PROBATION).await(1, a -> a.getIncidentId().equals(newer.getIncidentId()));

        // when revision 1 arrives late
        produce(IncidentReported.newBuilder(newer).setRevision(1).build());
        awaitAllIncidentsProcessed();

        // then no alert for revision 1, and the revision is recorded as superseded
        assertThat(allAlertsFor(newer.getIncidentId())).isEqualTo(6);
        assertThat(probes.values().stream().flatMap(p -> p.matching(a -> a.getIncidentId().equals(newer.getIncidentId())
                && a.getIncidentRevision() == 1).stream())).isEmpty();
        assertThat(jdbc.queryForObject("select outcome from incident_revision where incident_id = ? and revision = 1",
                String.class, newer.getIncidentId())).isEqualTo("SUPERSEDED");
        assertThat(ledgerRows(newer.getIncidentId())).isEqualTo(6);
    }
}
