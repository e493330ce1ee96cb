package uk.safeguarding.notification.routing.concern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.ConcernRule;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.PriorIncident;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.avro.RiskLevel;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.directory.Relationship;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole family: siblings and a household adult across incidents of the test area's force (TSC), whose concern
 * rules go to the test's children's social care.
 */
class FamilyConcernTest extends IntegrationTestSupport {

    private TopicProbe<AgencyAlert> csc;
    private TopicProbe<AgencyAlert> school;
    private TopicProbe<AgencyAlert> gp;
    private TestDirectory dir;
    private String family;
    private String pnc;
    private DirectoryDocument.Child elder;
    private DirectoryDocument.Child younger;
    private String parentId;

    @BeforeEach
    void givenSiblingsAndTheirParentInTheDirectory() {
        csc = TopicProbe.on(Topics.alerts(AgencyKind.CHILDRENS_SOCIAL_CARE));
        school = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
        gp = TopicProbe.on(Topics.alerts(AgencyKind.GP));
        String token = unique();
        dir = TestDirectory.create(token);
        family = familyName("Thistlewick");
        pnc = "26/" + token.substring(0, 7) + "F";
        elder = dir.schoolChild("T-CH-E-" + token, "Oriel", family, LocalDate.of(2016, 4, 2), null);
        younger = dir.schoolChild("T-CH-Y-" + token, "Perpetua", family, LocalDate.of(2018, 9, 9), null);
        parentId = "T-AD-P-" + token;
        List<DirectoryDocument.Organisation> orgs = new ArrayList<>(dir.organisations());
        orgs.add(new DirectoryDocument.Organisation(TEST_CSC, "Test Children's Social Care (MASH)",
                OrganisationKind.CHILDRENS_SOCIAL_CARE, null, null, "MASH lead", "mash@t-csc-area.example",
                "01234 567890", null, "EX1 1AA"));
        given(new DirectoryDocument(orgs, List.of(elder, younger),
                List.of(new DirectoryDocument.Adult(parentId, "Ignatius", family, LocalDate.of(1985, 1, 1),
                        List.of(new DirectoryDocument.Identifier(
                                uk.safeguarding.notification.routing.directory.IdentifierScheme.PNC_ID, pnc)), null, null)),
                List.of(new DirectoryDocument.HouseholdLink(elder.id(), parentId, Relationship.PARENT),
                        new DirectoryDocument.HouseholdLink(younger.id(), parentId, Relationship.PARENT))));
    }

    @AfterEach
    void closeProbes() {
        csc.close();
        school.close();
        gp.close();
    }

    /** An incident of the test area's force naming one child (and, optionally, the household adult as suspect). */
    private IncidentReported.Builder incident(String what, String occurredAt, DirectoryDocument.Child child,
                                              boolean parent, RiskLevel risk) {
        Instant occurred = Instant.parse(occurredAt);
        IncidentReported.Builder b = SampleIncidents.incident("TSC", "REF-" + what + "-" + unique())
                .setOccurredAt(occurred).setReportedAt(occurred.plusSeconds(3600)).setRiskLevel(risk)
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child(child.givenName(), child.familyName(), child.dateOfBirth()).build())));
        b.setAdults(new ArrayList<>(List.of(SampleIncidents.adult("Wendeline", family, AdultRole.VICTIM))));
        if (parent) {
            b.getAdults().add(SampleIncidents.adult("Ignatius", family, AdultRole.SUSPECT,
                    SampleIncidents.id(IdentifierScheme.PNC_ID, pnc)));
        }
        return b;
    }

    private List<AgencyAlert> concernsFor(String incidentId) {
        return csc.matching(a -> a.getIncidentId().equals(incidentId));
    }

    @Test
    void theThirdIncidentInAYearOfOneFamilyRaisesEscalatingConcernToChildrensSocialCare() {
        // given two earlier medium-risk incidents this year: one about the elder child, one about the younger
        IncidentReported first = incident("ONE", "2026-03-01T20:00:00Z", elder, false, RiskLevel.MEDIUM).build();
        IncidentReported second = incident("TWO", "2026-07-01T20:00:00Z", younger, false, RiskLevel.MEDIUM).build();
        // each routed before the next arrives, as on a real day (on whichever partition and routing thread)
        produce(first);
        awaitAllIncidentsProcessed();
        produce(second);
        awaitAllIncidentsProcessed();

        // when a third, under a different police reference, names the elder child and the household's adult
        IncidentReported third = incident("THREE", "2026-11-20T22:15:00Z", elder, true, RiskLevel.MEDIUM).build();
        produce(third);

        // then children's social care gets one escalating-concern alert listing the household's children
        List<AgencyAlert> raised = csc.await(1, a -> a.getIncidentId().equals(third.getIncidentId()));
        awaitAllIncidentsProcessed();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.getRecipient().getOrganisationId()).isEqualTo(TEST_CSC);
            assertThat(a.getRecipient().getKind()).isEqualTo(AgencyKind.CHILDRENS_SOCIAL_CARE);
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.CONCERN_RULE);
            assertThat(a.getConcern().getRule()).isEqualTo(ConcernRule.ESCALATING_CONCERN);
            assertThat(a.getConcern().getDetail()).contains("3 incidents").doesNotContain(family);
            assertThat(a.getChild().getChildId()).isEqualTo(elder.id());
            assertThat(a.getHouseholdChildren()).extracting(AlertChild::getChildId)
                    .containsExactly(elder.id(), younger.id());
            assertThat(a.getFamilyHistory().getIncidentsLast12Months()).isEqualTo(2);
            assertThat(a.getDueBy()).isNotNull();
        });
        // and the earlier two raised none
        assertThat(concernsFor(first.getIncidentId())).isEmpty();
        assertThat(concernsFor(second.getIncidentId())).isEmpty();
        // and the third's own alerts carry the family's history, newest first
        assertThat(school.matching(a -> a.getIncidentId().equals(third.getIncidentId()))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getFamilyHistory().getIncidentsLast12Months()).isEqualTo(2);
                    assertThat(a.getFamilyHistory().getRepeat()).isTrue();
                    assertThat(a.getFamilyHistory().getIncidents()).extracting(PriorIncident::getIncidentId)
                            .containsExactly(second.getIncidentId(), first.getIncidentId());
                });
        // and the second saw the first through the sibling
        assertThat(school.matching(a -> a.getIncidentId().equals(second.getIncidentId()))).singleElement()
                .satisfies(a -> assertThat(a.getFamilyHistory().getIncidentsLast12Months()).isEqualTo(1));
        // and the concern is in the ledger and recorded as a referral
        assertThat(jdbc.queryForObject("select count(*) from alert_ledger where incident_id = ? and recipient_kind = ?",
                Integer.class, third.getIncidentId(), "CHILDRENS_SOCIAL_CARE")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select rules from concern_referral where incident_id = ?", String.class,
                third.getIncidentId())).isEqualTo("ESCALATING_CONCERN");
    }

    @Test
    void aHighRiskIncidentIsReferredAndTheFamilysNextIncidentIsFlaggedAsARepeat() {
        // given a high-risk incident
        IncidentReported high = incident("HIGH", "2026-05-01T20:00:00Z", younger, true, RiskLevel.HIGH).build();

        // when it is routed
        produce(high);

        // then children's social care gets a HIGH_RISK referral to the risk assessment conference
        assertThat(csc.await(1, a -> a.getIncidentId().equals(high.getIncidentId()))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getConcern().getRule()).isEqualTo(ConcernRule.HIGH_RISK);
                    assertThat(a.getConcern().getDetail()).contains("MARAC");
                    assertThat(a.getHouseholdChildren()).extracting(AlertChild::getChildId)
                            .containsExactly(younger.id(), elder.id());
                    assertThat(a.getFamilyHistory().getRepeat()).isFalse();
                });

        // when the family's next incident, months later and of medium risk, arrives
        IncidentReported next = incident("NEXT", "2026-10-01T20:00:00Z", elder, false, RiskLevel.MEDIUM).build();
        produce(next);

        // then it is referred again, flagged as a repeat of the last referral
        assertThat(csc.await(1, a -> a.getIncidentId().equals(next.getIncidentId()))).singleElement()
                .satisfies(a -> {
                    assertThat(a.getConcern().getRule()).isEqualTo(ConcernRule.REPEAT_REFERRAL);
                    assertThat(a.getConcern().getDetail()).contains("2026-05-01");
                });
    }

    @Test
    void aRevisionUpdatesTheAlertsSaysWhatChangedAndIsNotCountedAsANewIncident() {
        // given one earlier incident of the family and revision 1 of another
        IncidentReported earlier = incident("EARLIER", "2026-06-01T20:00:00Z", younger, false, RiskLevel.MEDIUM).build();
        produce(earlier);
        awaitAllIncidentsProcessed();
        IncidentReported revision1 = incident("REV", "2026-11-20T22:15:00Z", elder, false, RiskLevel.MEDIUM).build();
        produce(revision1);
        AgencyAlert gp1 = gp.await(1, a -> a.getIncidentId().equals(revision1.getIncidentId())).get(0);
        AgencyAlert school1 = school.await(1, a -> a.getIncidentId().equals(revision1.getIncidentId())).get(0);
        assertThat(school1.getUpdate()).isNull();
        assertThat(school1.getFamilyHistory().getIncidentsLast12Months()).isEqualTo(1);

        // when the force sends a correction: the risk is high, the child said more
        IncidentReported revision2 = IncidentReported.newBuilder(revision1).setRevision(2)
                .setRevisionKind(RevisionKind.CORRECTION).setRevisionNote("Risk reassessed after a second visit")
                .setRiskLevel(RiskLevel.HIGH).build();
        revision2.getChildren().get(0).setVoiceOfChild("I was scared and hid in the cupboard");
        produce(revision2);

        // then each recipient's alert for revision 2 updates its revision 1 alert and says what changed
        AgencyAlert school2 = school.await(1, a -> a.getIncidentId().equals(revision1.getIncidentId())
                && a.getIncidentRevision() == 2).get(0);
        AgencyAlert gp2 = gp.await(1, a -> a.getIncidentId().equals(revision1.getIncidentId())
                && a.getIncidentRevision() == 2).get(0);
        awaitAllIncidentsProcessed();
        assertThat(school2.getUpdate().getPreviousRevision()).isEqualTo(1);
        assertThat(school2.getUpdate().getPreviousAlertId()).isEqualTo(school1.getAlertId());
        assertThat(school2.getUpdate().getRevisionKind()).isEqualTo(RevisionKind.CORRECTION);
        assertThat(school2.getUpdate().getChanges()).extracting(CharSequence::toString)
                .containsExactly("child's words changed"); // a school is not told the risk level
        assertThat(gp2.getUpdate().getPreviousAlertId()).isEqualTo(gp1.getAlertId());
        assertThat(gp2.getUpdate().getChanges()).extracting(CharSequence::toString)
                .containsExactly("risk level raised from MEDIUM to HIGH", "child's words changed");
        // and the family history still counts the one earlier incident: a revision is not a new incident
        assertThat(school2.getFamilyHistory().getIncidentsLast12Months()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct incident_id) from family_incident where person_id in (?, ?)",
                Integer.class, elder.id(), younger.id())).isEqualTo(2);
        // and the new high risk raises its referral, once, for revision 2
        assertThat(concernsFor(revision1.getIncidentId())).singleElement().satisfies(a -> {
            assertThat(a.getIncidentRevision()).isEqualTo(2);
            assertThat(a.getConcern().getRule()).isEqualTo(ConcernRule.HIGH_RISK);
        });
    }

    @Test
    void aCorrectionThatNoLongerNamesAChildTellsThatChildsRecipientsItNoLongerConcernsThem() {
        // given revision 1 naming both siblings (one school: an alert per child)
        IncidentReported revision1 = incident("BOTH", "2026-11-20T22:15:00Z", elder, false, RiskLevel.MEDIUM).build();
        revision1.getChildren().add(SampleIncidents.child(younger.givenName(), younger.familyName(),
                younger.dateOfBirth()).build());
        produce(revision1);
        school.await(2, a -> a.getIncidentId().equals(revision1.getIncidentId()));

        // when a correction names only the elder
        IncidentReported revision2 = IncidentReported.newBuilder(revision1).setRevision(2)
                .setRevisionKind(RevisionKind.CORRECTION).build();
        revision2.getChildren().remove(1);
        produce(revision2);

        // then the school hears, for revision 2, about the elder as an update, and that the younger is no longer concerned
        List<AgencyAlert> second = school.await(2, a -> a.getIncidentId().equals(revision1.getIncidentId())
                && a.getIncidentRevision() == 2);
        awaitAllIncidentsProcessed();
        assertThat(second).hasSize(2);
        assertThat(second).filteredOn(a -> a.getChild().getChildId().equals(elder.id())).singleElement()
                .satisfies(a -> assertThat(a.getUpdate().getChanges()).isEmpty());
        assertThat(second).filteredOn(a -> a.getChild().getChildId().equals(younger.id())).singleElement()
                .satisfies(a -> {
                    assertThat(a.getUpdate().getChanges()).extracting(CharSequence::toString)
                            .containsExactly("no longer concerns this recipient");
                    assertThat(a.getUpdate().getRevisionKind()).isEqualTo(RevisionKind.CORRECTION);
                    assertThat(a.getDueBy()).isNull();
                });
        // and the younger child is no longer recorded as involved in the incident
        assertThat(jdbc.queryForList("select person_id from family_incident where incident_id = ? and person_kind = 'CHILD'",
                String.class, revision1.getIncidentId())).containsExactly(elder.id());
    }
}
