package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.notification.shared.web.InboxTime;

import uk.safeguarding.notification.demo.DemoSignIns;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.delivery.dispatch.RecipientAction;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's plain-Java parts: status, times, the action form, the demo sign-ins. */
class InboxUnitsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    @Test
    void anUnopenedAlertIsNewUntilItsDeadlinePassesThenOverdue() {
        Instant due = Instant.parse("2026-11-23T08:30:00Z");
        assertThat(InboxStatus.of(DeliveryState.SENT, due, NOW)).isEqualTo(InboxStatus.NEW);
        assertThat(InboxStatus.of(DeliveryState.DELIVERED, null, NOW)).isEqualTo(InboxStatus.NEW);
        assertThat(InboxStatus.of(DeliveryState.SENT, due, due.plusSeconds(1))).isEqualTo(InboxStatus.OVERDUE);
        assertThat(InboxStatus.of(DeliveryState.BREACHED, null, NOW)).isEqualTo(InboxStatus.OVERDUE);
        assertThat(InboxStatus.of(DeliveryState.ESCALATED, due, NOW)).isEqualTo(InboxStatus.ESCALATED);
        assertThat(InboxStatus.of(DeliveryState.ESCALATED, due, due.plusSeconds(60))).isEqualTo(InboxStatus.OVERDUE);
    }

    @Test
    void anOpenedOrActionedAlertIsNeverOverdue() {
        Instant past = NOW.minusSeconds(3600);
        assertThat(InboxStatus.of(DeliveryState.OPENED, past, NOW)).isEqualTo(InboxStatus.OPENED);
        assertThat(InboxStatus.of(DeliveryState.ACTIONED, past, NOW)).isEqualTo(InboxStatus.ACTIONED);
    }

    @Test
    void timesReadInLondonLocalTimeInWinterAndSummer() {
        assertThat(InboxTime.dateTime(Instant.parse("2026-11-23T08:30:00Z"))).isEqualTo("Monday 23 November 2026 at 8:30am");
        assertThat(InboxTime.dateTime(Instant.parse("2026-06-01T07:30:00Z"))).isEqualTo("Monday 1 June 2026 at 8:30am");
        assertThat(InboxTime.dateTime(Instant.parse("2026-11-20T22:15:00Z"))).isEqualTo("Friday 20 November 2026 at 10:15pm");
        assertThat(InboxTime.shortDateTime(Instant.parse("2026-11-23T12:00:00Z"))).isEqualTo("Mon 23 Nov 2026, midday");
        assertThat(InboxTime.date(LocalDate.of(2018, 2, 7))).isEqualTo("7 February 2018");
        assertThat(InboxTime.iso(Instant.parse("2026-06-01T07:30:00Z"))).isEqualTo("2026-06-01T08:30+01:00");
        assertThat(InboxTime.dateTime(null)).isEmpty();
    }

    @Test
    void theActionFormNeedsAKnownActionAndAShortEnoughNote() {
        ActionForm empty = new ActionForm();
        assertThat(empty.errors()).containsOnlyKeys("action");

        ActionForm unknown = new ActionForm();
        unknown.setAction("SHRUGGED");
        assertThat(unknown.errors()).containsOnlyKeys("action");

        ActionForm tooLong = new ActionForm();
        tooLong.setAction(RecipientAction.MONITORING.name());
        tooLong.setNote("x".repeat(ActionForm.NOTE_MAX_LENGTH + 1));
        assertThat(tooLong.errors()).containsOnlyKeys("note");
        assertThat(tooLong.errors().get("note")).isEqualTo("The note must be 2,000 characters or fewer");

        ActionForm fine = new ActionForm();
        fine.setAction(RecipientAction.NO_ACTION.name());
        fine.setNote("   ");
        assertThat(fine.errors()).isEmpty();
        assertThat(fine.recipientAction()).isEqualTo(RecipientAction.NO_ACTION);
        assertThat(fine.cleanNote()).isNull();
    }

    @Test
    void everyDemoSchoolAndProbationUnitHasAKeyAdultAndADeputyAndEveryOtherOrganisationOnePerson() {
        List<DemoSignIns.SignIn> signIns = DemoSignIns.list();
        var organisations = DemoDirectory.organisations();

        for (var org : organisations) {
            // operations, the directory admin and the unresolved caseworker are the local authority's extra accounts
            List<PersonRole> roles = signIns.stream().filter(s -> s.organisationId().equals(org.id())
                    && s.role() != PersonRole.OPERATIONS && s.role() != PersonRole.DIRECTORY_ADMIN
                    && s.role() != PersonRole.UNRESOLVED_CASEWORKER).map(DemoSignIns.SignIn::role).toList();
            // a probation unit's deputy hears of an answer about the children not given in time
            if (org.id().equals(DemoDirectory.PLATFORM_OPERATIONS)) {
                // the platform's operations organisation has its operations person only
                assertThat(roles).isEmpty();
            } else if (org.kind() == OrganisationKind.SCHOOL || org.kind() == OrganisationKind.PROBATION) {
                assertThat(roles).containsExactly(PersonRole.KEY_ADULT, PersonRole.DEPUTY);
            } else {
                assertThat(roles).hasSize(1);
            }
        }
        assertThat(signIns).filteredOn(s -> s.role() == PersonRole.OPERATIONS).singleElement()
                .satisfies(s -> {
                    assertThat(s.email()).isEqualTo(DemoSignIns.OPERATIONS_EMAIL);
                    assertThat(s.organisationId()).isEqualTo(DemoDirectory.PLATFORM_OPERATIONS);
                });
        assertThat(signIns).filteredOn(s -> s.role() == PersonRole.DIRECTORY_ADMIN).singleElement()
                .satisfies(s -> assertThat(s.organisationId()).isEqualTo(DemoDirectory.LOCAL_AUTHORITY));
        assertThat(signIns).filteredOn(s -> s.role() == PersonRole.UNRESOLVED_CASEWORKER).singleElement()
                .satisfies(s -> assertThat(s.organisationId()).isEqualTo(DemoDirectory.LOCAL_AUTHORITY));
        assertThat(signIns).extracting(DemoSignIns.SignIn::email)
                .contains("dsl@st-aidans-cofe-primary-school.example", "deputy@oakfield-primary-school.example")
                .allMatch(e -> e.matches("[a-z0-9.-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.example"));
        assertThat(new HashSet<>(signIns.stream().map(DemoSignIns.SignIn::email).toList())).hasSameSizeAs(signIns);
        assertThat(signIns.stream().map(DemoSignIns.SignIn::personId).collect(Collectors.toSet())).hasSameSizeAs(signIns);
        assertThat(DemoSignIns.describe("http://localhost:8082"))
                .contains("http://localhost:8082/inbox/sign-in", DemoSignIns.PASSWORD, "dsl@oakfield-primary-school.example");
    }
}
