package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.notification.shared.vocabulary.AlertIds;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AdultRole;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentAdult;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.avro.MatchOutcome;
import uk.safeguarding.avro.UnresolvedReason;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RouterTest {

    /** The policy shipped with the service, probation answering within its default time. */
    private static final Router ROUTER = new Router(SharingPolicy.standard(), ProbationQuestion.DEFAULT_ANSWER_WITHIN_WORKING_DAYS);

    static {
        uk.safeguarding.notification.shared.kafka.AvroRecords.trustGeneratedClasses(); // the tests copy Avro records
    }

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final LocalDate PUPIL_DOB = LocalDate.of(2017, 5, 10);
    private static final LocalDate TODDLER_DOB = LocalDate.of(2024, 3, 1);

    private static final DirectoryView.Child PUPIL =
            new DirectoryView.Child("CH-P", "Ada", "Marsh", PUPIL_DOB, "SCH-1", "GP-1", "HV-1");
    private static final DirectoryView.Child TODDLER =
            new DirectoryView.Child("CH-T", "Tom", "Marsh", TODDLER_DOB, null, "GP-1", "HV-1");
    private static final DirectoryView.Child UNLINKED =
            new DirectoryView.Child("CH-U", "Una", "Marsh", PUPIL_DOB, null, null, "HV-1");
    private static final DirectoryView.Adult SUPERVISED =
            new DirectoryView.Adult("AD-S", "Sid", "Marsh", LocalDate.of(1990, 1, 1), "PDU-1", "CASE-9");

    private static DirectoryView view() {
        return Views.standard().child(PUPIL).child(TODDLER).child(UNLINKED).adult(SUPERVISED, "90/1234567A").build();
    }

    private static IncidentReported incident(List<IncidentChild> children, IncidentAdult... adults) {
        // the router is given "now": the incident happened two hours before it, whatever the day the suite runs
        return SampleIncidents.incident("TST", "R-1").setOccurredAt(NOW.minusSeconds(7200))
                .setReportedAt(NOW.minusSeconds(3600)).setChildren(new ArrayList<>(children))
                .setAdults(new ArrayList<>(List.of(adults))).build();
    }

    private static IncidentChild child(DirectoryView.Child c) {
        return SampleIncidents.child(c.givenName(), c.familyName(), c.dateOfBirth()).build();
    }

    @Test
    void aPupilIsAlertedToSchoolTheSchoolsNursingTeamAndGpButNotHealthVisiting() {
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL))), view(), Deadlines.none(), NOW);

        assertThat(outcome.unresolved()).isEmpty();
        assertThat(outcome.alerts()).extracting(a -> a.getRecipient().getKind(), a -> a.getRecipient().getOrganisationId(),
                        AgencyAlert::getRoutingReason, AgencyAlert::getRoutingDetail)
                .containsExactly(
                        tuple(AgencyKind.SCHOOL, "SCH-1", RoutingReason.ENROLLED_AT_SCHOOL, "enrolled at school SCH-1"),
                        tuple(AgencyKind.SCHOOL_NURSE, "SN-1", RoutingReason.SCHOOL_NURSE_FOR_SCHOOL,
                                "school nursing team for school SCH-1"),
                        tuple(AgencyKind.GP, "GP-1", RoutingReason.REGISTERED_WITH_GP, "registered with GP practice GP-1"));
        assertThat(outcome.alerts()).allSatisfy(a -> {
            assertThat(a.getChild().getChildId()).isEqualTo("CH-P");
            assertThat(a.getRoutedAt()).isEqualTo(NOW);
            assertThat(a.getAlertId()).isEqualTo(AlertIds.of(a.getIncidentId(), 1, "CH-P",
                    a.getRecipient().getOrganisationId()));
        });
    }

    @Test
    void aToddlerUnderSchoolAgeIsAlertedToHealthVisitingAndGp() {
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(TODDLER))), view(), Deadlines.none(), NOW);
        assertThat(outcome.alerts()).extracting(a -> a.getRecipient().getKind(), AgencyAlert::getRoutingReason)
                .containsExactly(tuple(AgencyKind.GP, RoutingReason.REGISTERED_WITH_GP),
                        tuple(AgencyKind.HEALTH_VISITING, RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE));
    }

    @Test
    void healthVisitingStopsTheDayReceptionStarts() {
        DirectoryView.Child fourYearOld = new DirectoryView.Child("CH-4", "Flo", "Marsh", LocalDate.of(2020, 8, 31),
                null, null, "HV-1");
        DirectoryView view = Views.standard().child(fourYearOld).build();
        IncidentReported before = SampleIncidents.incident("TST", "R-2").setOccurredAt(Instant.parse("2024-08-31T22:30:00Z"))
                .setChildren(new ArrayList<>(List.of(child(fourYearOld)))).build();
        // 22:30 UTC on 31 August is 23:30 in London: still 31 August
        assertThat(ROUTER.route(before, view, Deadlines.none(), NOW).alerts()).hasSize(1);
        IncidentReported after = IncidentReported.newBuilder(before).setOccurredAt(Instant.parse("2024-08-31T23:30:00Z")).build();
        // 23:30 UTC is 00:30 on 1 September in London: reception has started, no health visiting, no linked service
        Router.Outcome outcome = ROUTER.route(after, view, Deadlines.none(), NOW);
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.unresolved()).singleElement()
                .satisfies(u -> assertThat(u.getReason()).isEqualTo(UnresolvedReason.NO_LINKED_SERVICES));
    }

    @Test
    void aSupervisedSuspectBringsOneProbationAlertNamingEveryChildAndAskingForAnAnswer() {
        // given a suspect supervised by probation, and an incident naming a pupil and a toddler
        IncidentAdult suspect = SampleIncidents.adult("Sidney", "Marsh", AdultRole.SUSPECT,
                SampleIncidents.id(IdentifierScheme.PNC_ID, "90/1234567a"));

        // when
        Router.Outcome outcome = new Router(SharingPolicy.standard(), 5)
                .route(incident(List.of(child(PUPIL), child(TODDLER)), suspect), view(), Deadlines.none(), NOW);

        // then one alert for the unit, about the first child, naming both, with the question and when it is due
        List<AgencyAlert> probation = outcome.alerts().stream()
                .filter(a -> a.getRecipient().getKind() == AgencyKind.PROBATION).toList();
        assertThat(probation).singleElement().satisfies(a -> {
            assertThat(a.getChild().getChildId()).isEqualTo("CH-P");
            assertThat(a.getAlertId()).isEqualTo(AlertIds.of(a.getIncidentId(), 1, "CH-P", "PDU-1"));
            assertThat(a.getHouseholdChildren()).extracting(c -> c.getChildId()).containsExactly("CH-P", "CH-T");
            assertThat(a.getResponse().getQuestion())
                    .isEqualTo("Were the children's safeguarding needs considered, and what was done?");
            // routed on Saturday 21 November: the fifth working day after is Friday 27th, due at its close (17:00 GMT)
            assertThat(a.getResponse().getRespondBy()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
            assertThat(a.getRoutingReason()).isEqualTo(RoutingReason.ADULT_SUPERVISED_BY_PROBATION);
            assertThat(a.getDisclosed().getSupervisedAdult().getGivenName()).isEqualTo("Sid");
            assertThat(a.getDisclosed().getSupervisedAdult().getRole()).isEqualTo(AdultRole.SUSPECT);
            assertThat(a.getDisclosed().getSupervisedAdult().getCaseReference()).isEqualTo("CASE-9");
            assertThat(a.getRoutingDetail()).doesNotContain("Sid", "Marsh").contains("2 children");
        });
    }

    @Test
    void probationHearsOfTheSupervisedAdultsHouseholdChildrenThePoliceDidNotName() {
        // given a supervised victim whose household in the directory has a child the police did not name
        DirectoryView.Child atHome = new DirectoryView.Child("CH-H", "Hal", "Marsh", LocalDate.of(2015, 1, 2),
                "SCH-1", null, null);
        DirectoryView.Adult supervised = new DirectoryView.Adult("AD-S", "Sid", "Marsh", LocalDate.of(1990, 1, 1),
                "PDU-1", "CASE-9", List.of(atHome, PUPIL));
        DirectoryView view = Views.standard().child(PUPIL).adult(supervised, "90/1234567A").build();
        IncidentAdult victim = SampleIncidents.adult("Sid", "Marsh", AdultRole.VICTIM);

        // when the incident names only the pupil
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL)), victim), view, Deadlines.none(), NOW);

        // then the probation alert names the pupil first, then the child at home, each once; nobody else is alerted
        // about the child at home
        assertThat(outcome.alerts()).filteredOn(a -> a.getRecipient().getKind() == AgencyKind.PROBATION).singleElement()
                .satisfies(a -> assertThat(a.getHouseholdChildren()).extracting(c -> c.getChildId())
                        .containsExactly("CH-P", "CH-H"));
        assertThat(outcome.alerts()).noneMatch(a -> a.getChild().getChildId().equals("CH-H"));
    }

    @Test
    void whenNoNamedChildIsFoundTheProbationAlertIsAboutAHouseholdChildWithNothingSaidAboutThem() {
        // given a supervised suspect with a child at home, and an incident naming a child the directory does not know
        DirectoryView.Child atHome = new DirectoryView.Child("CH-H", "Hal", "Marsh", LocalDate.of(2015, 1, 2),
                null, null, null);
        DirectoryView view = Views.standard().adult(new DirectoryView.Adult("AD-S", "Sid", "Marsh",
                LocalDate.of(1990, 1, 1), "PDU-1", "CASE-9", List.of(atHome)), "90/1234567A").build();
        IncidentChild unknown = SampleIncidents.child("Who", "Ever", LocalDate.of(2012, 1, 1)).build();

        // when
        Router.Outcome outcome = ROUTER.route(incident(List.of(unknown), SampleIncidents.adult("Sid", "Marsh",
                AdultRole.SUSPECT)), view, Deadlines.none(), NOW);

        // then probation still hears of the child at home, with no words or presence attributed to them
        assertThat(outcome.unresolved()).hasSize(1);
        assertThat(outcome.alerts()).singleElement().satisfies(a -> {
            assertThat(a.getChild().getChildId()).isEqualTo("CH-H");
            assertThat(a.getDisclosed().getVoiceOfChild()).isNull();
            assertThat(a.getDisclosed().getChildPresent()).isNull();
            assertThat(a.getDisclosed().getRiskLevel()).isNotNull();
        });
    }

    @Test
    void eachChildsAlertsCarryItsPositionInThePolicesListAndTheHouseholdsAlertNone() {
        // given an incident naming a toddler, then a pupil, and a supervised suspect
        IncidentAdult suspect = SampleIncidents.adult("Sidney", "Marsh", AdultRole.SUSPECT,
                SampleIncidents.id(IdentifierScheme.PNC_ID, "90/1234567a"));

        // when
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(TODDLER), child(PUPIL)), suspect), view(),
                Deadlines.none(), NOW);

        // then the toddler's alerts say child 0, the pupil's child 1, probation's (about the household) none
        assertThat(outcome.alerts()).filteredOn(a -> a.getChild().getChildId().equals("CH-T")
                        && a.getRecipient().getKind() != AgencyKind.PROBATION)
                .isNotEmpty().allSatisfy(a -> assertThat(a.getChildIndex()).isEqualTo(0));
        assertThat(outcome.alerts()).filteredOn(a -> a.getChild().getChildId().equals("CH-P")
                        && a.getRecipient().getKind() != AgencyKind.PROBATION)
                .isNotEmpty().allSatisfy(a -> assertThat(a.getChildIndex()).isEqualTo(1));
        assertThat(outcome.alerts()).filteredOn(a -> a.getRecipient().getKind() == AgencyKind.PROBATION)
                .singleElement().satisfies(a -> assertThat(a.getChildIndex()).isNull());
    }

    @Test
    void anAdultIsMatchedByNameAndDateOfBirthWithoutAPncId() {
        IncidentAdult victim = IncidentAdult.newBuilder(SampleIncidents.adult("SID", "marsh", AdultRole.VICTIM)).build();
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL)), victim), view(), Deadlines.none(), NOW);
        assertThat(outcome.alerts()).filteredOn(a -> a.getRecipient().getKind() == AgencyKind.PROBATION).hasSize(1);
    }

    @Test
    void anUnsupervisedOrUnknownAdultBringsNoProbationAlert() {
        IncidentAdult stranger = SampleIncidents.adult("Nobody", "Known", AdultRole.SUSPECT);
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL)), stranger), view(), Deadlines.none(), NOW);
        assertThat(outcome.alerts()).noneMatch(a -> a.getRecipient().getKind() == AgencyKind.PROBATION);
    }

    @Test
    void noChildIsEverDropped() {
        IncidentChild unknown = SampleIncidents.child("Who", "Ever", LocalDate.of(2012, 1, 1)).build();
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL), unknown, child(UNLINKED))), view(),
                Deadlines.none(), NOW);

        assertThat(outcome.alerts()).extracting(a -> a.getChild().getChildId()).containsOnly("CH-P");
        assertThat(outcome.unresolved()).extracting(u -> u.getChildIndex(), u -> u.getReason())
                .containsExactly(tuple(1, UnresolvedReason.NO_MATCH), tuple(2, UnresolvedReason.NO_LINKED_SERVICES));
        assertThat(outcome.unresolved()).allSatisfy(u -> assertThat(u.getDetail()).doesNotContain("Who", "Una", "Ever"));
    }

    @Test
    void aSchoolWithoutANursingTeamGetsNoNurseAlert() {
        DirectoryView.Child pupil = new DirectoryView.Child("CH-Q", "Quin", "Marsh", PUPIL_DOB, "SCH-2", null, null);
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(pupil))), Views.standard().child(pupil).build(),
                Deadlines.none(), NOW);
        assertThat(outcome.alerts()).extracting(a -> a.getRecipient().getKind()).containsExactly(AgencyKind.SCHOOL);
    }

    @Test
    void theSameChildNamedTwiceGetsEachAlertOnce() {
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL), child(PUPIL))), view(),
                Deadlines.none(), NOW);
        assertThat(outcome.alerts()).hasSize(3);
    }

    @Test
    void everyAlertIsDueByItsKindsDeadlineTheSchoolAndItsNurseByTheChildsSchoolsCalendar() {
        // given deadlines that name the rule's inputs, and an incident reported before it is routed
        Deadlines naming = (kind, calendarOrganisationId, receivedAt) ->
                receivedAt.plusSeconds(60L * (kind.ordinal() + 1) + calendarOrganisationId.length());
        IncidentReported incident = incident(List.of(child(PUPIL), child(TODDLER)),
                SampleIncidents.adult("Sid", "Marsh", AdultRole.SUSPECT,
                        SampleIncidents.id(IdentifierScheme.PNC_ID, "90/1234567A")));
        Instant received = incident.getReportedAt();

        // when
        Router.Outcome outcome = ROUTER.route(incident, view(), naming, NOW);

        // then the school nurse's deadline follows the school's calendar (SCH-1), the others their own organisation
        assertThat(outcome.alerts()).allSatisfy(a -> {
            String calendarOf = switch (a.getRecipient().getKind()) {
                case SCHOOL, SCHOOL_NURSE -> "SCH-1";
                default -> a.getRecipient().getOrganisationId();
            };
            assertThat(a.getDueBy()).as(a.getRecipient().getKind().name())
                    .isEqualTo(naming.dueBy(a.getRecipient().getKind(), calendarOf, received));
        });
        assertThat(outcome.alerts()).extracting(a -> a.getRecipient().getKind())
                .contains(AgencyKind.SCHOOL, AgencyKind.SCHOOL_NURSE, AgencyKind.GP, AgencyKind.HEALTH_VISITING,
                        AgencyKind.PROBATION);
    }

    @Test
    void anIncidentReportedInTheFutureCountsAsReceivedWhenRouted() {
        // given a police clock ahead of ours
        IncidentReported incident = IncidentReported.newBuilder(incident(List.of(child(PUPIL))))
                .setReportedAt(NOW.plusSeconds(3600)).build();

        // when
        Router.Outcome outcome = ROUTER.route(incident, view(), (kind, org, receivedAt) -> receivedAt, NOW);

        // then
        assertThat(outcome.alerts()).isNotEmpty().allSatisfy(a -> assertThat(a.getDueBy()).isEqualTo(NOW));
    }

    @Test
    void everyAlertSaysHowItsChildWasMatched() {
        // when a child named exactly as in the directory is routed
        Router.Outcome outcome = ROUTER.route(incident(List.of(child(PUPIL))), view(), Deadlines.none(), NOW);

        // then each alert carries a confident match with its reasons
        assertThat(outcome.alerts()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getMatch().getOutcome()).isEqualTo(MatchOutcome.MATCHED);
            assertThat(a.getMatch().getScore()).isGreaterThanOrEqualTo(80);
            assertThat(a.getMatch().getReasons()).contains("given name matches", "date of birth matches");
        });
    }

    @Test
    void aChildMatchedInTheGreyZoneIsRoutedAndFlaggedForReview() {
        // given police misspelled the given name and wrote no postcode
        DirectoryView view = Views.standard()
                .child(new DirectoryView.Child("CH-A", "Amelia", "Marsh", PUPIL_DOB, "SCH-1", "GP-1", null)).build();
        IncidentChild misspelled = SampleIncidents.child("Amelai", "Marsh", PUPIL_DOB).build();

        // when
        Router.Outcome outcome = ROUTER.route(incident(List.of(misspelled)), view, Deadlines.none(), NOW);

        // then the child is routed, and every alert asks the recipient to check it is the right child
        assertThat(outcome.unresolved()).isEmpty();
        assertThat(outcome.alerts()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getChild().getChildId()).isEqualTo("CH-A");
            assertThat(a.getMatch().getOutcome()).isEqualTo(MatchOutcome.REVIEW);
            assertThat(a.getMatch().getReasons()).contains("given name within a typo");
        });
    }

    @Test
    void anUnmatchedChildGoesToTheWorkingListWithTheBestScoreReasonsAndPostcode() {
        // given a child whose date of birth differs from the only resembling directory child
        IncidentChild child = SampleIncidents.child("Ada", "Marsh", LocalDate.of(2012, 11, 20)).setPostcode("EX9 9ZZ").build();

        // when
        Router.Outcome outcome = ROUTER.route(incident(List.of(child)), view(), Deadlines.none(), NOW);

        // then
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.getReason()).isEqualTo(UnresolvedReason.BELOW_MATCH_THRESHOLD);
            assertThat(u.getBestScore()).isNotNull().isLessThan(65);
            assertThat(u.getMatchReasons()).contains("date of birth differs");
            assertThat(u.getPostcode()).isEqualTo("EX9 9ZZ");
        });
    }

    @Test
    void aChildAPersonConfirmedIsRoutedAloneWithTheOriginalDeadline() {
        // given an incident of two children, the first resolved by a person to the pupil, received a day ago
        Deadlines naming = (kind, calendarOrganisationId, receivedAt) -> receivedAt.plusSeconds(60);
        IncidentReported incident = incident(List.of(SampleIncidents.child("Adah", "Marshe", null).build(),
                child(TODDLER)));
        Instant originallyReceived = NOW.minusSeconds(86_400);

        // when
        Router.Outcome outcome = ROUTER.route(incident, view(), naming, NOW, originallyReceived,
                ChildMatcher.confirmed(0, PUPIL));

        // then only the confirmed child is routed, due by the original deadline, confirmed by a person
        assertThat(outcome.unresolved()).isEmpty();
        assertThat(outcome.alerts()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getChild().getChildId()).isEqualTo("CH-P");
            assertThat(a.getRoutedAt()).isEqualTo(NOW);
            assertThat(a.getDueBy()).isEqualTo(originallyReceived.plusSeconds(60));
            assertThat(a.getMatch().getOutcome()).isEqualTo(MatchOutcome.CONFIRMED_BY_PERSON);
            assertThat(a.getMatch().getScore()).isEqualTo(100);
        });
    }
}
