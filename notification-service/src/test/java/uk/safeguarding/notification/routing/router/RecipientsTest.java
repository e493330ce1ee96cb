package uk.safeguarding.notification.routing.router;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.RoutingReason;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each child by age and setting: who is told about one child. */
class RecipientsTest {

    private static final LocalDate INCIDENT = LocalDate.of(2026, 11, 20);

    private static final DirectoryView VIEW = Views.standard()
            .org("EY-1", "Little Acorns Nursery", AgencyKind.EARLY_YEARS, null)
            .org("COL-1", "Exampleton College", AgencyKind.COLLEGE, null)
            .org("LA-1", "Exampleshire County Council", AgencyKind.LOCAL_AUTHORITY, null)
            .build();

    private static DirectoryView.Child child(LocalDate dob, String school, String earlyYears, String college,
                                             boolean homeEducated, String localAuthority) {
        return new DirectoryView.Child("CH-1", "Ada", "Marsh", dob, school, "GP-1", "HV-1", earlyYears, college,
                homeEducated, localAuthority);
    }

    private static List<Recipients.Recipient> recipients(DirectoryView.Child child) {
        return Recipients.forChild(child, INCIDENT, VIEW);
    }

    @Test
    void aToddlerAtANurseryIsToldToTheGpTheHealthVisitorsAndTheNursery() {
        assertThat(recipients(child(LocalDate.of(2024, 6, 1), null, "EY-1", null, false, null)))
                .extracting(r -> r.kind(), r -> r.organisation().id(), r -> r.reason())
                .containsExactly(
                        tuple(AgencyKind.GP, "GP-1", RoutingReason.REGISTERED_WITH_GP),
                        tuple(AgencyKind.HEALTH_VISITING, "HV-1", RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE),
                        tuple(AgencyKind.EARLY_YEARS, "EY-1", RoutingReason.ATTENDS_EARLY_YEARS_SETTING));
    }

    @Test
    void aPupilIsToldToTheSchoolItsNurseAndTheGpButNotHisOldNursery() {
        assertThat(recipients(child(LocalDate.of(2017, 5, 10), "SCH-1", "EY-1", null, false, null)))
                .extracting(r -> r.kind(), r -> r.organisation().id(), r -> r.calendarOrganisationId())
                .containsExactly(
                        tuple(AgencyKind.SCHOOL, "SCH-1", "SCH-1"),
                        tuple(AgencyKind.SCHOOL_NURSE, "SN-1", "SCH-1"),
                        tuple(AgencyKind.GP, "GP-1", null));
    }

    @Test
    void aChildEducatedAtHomeIsToldToTheLocalAuthorityOfficerInPlaceOfASchool() {
        assertThat(recipients(child(LocalDate.of(2015, 2, 2), "SCH-1", null, null, true, "LA-1")))
                .extracting(r -> r.kind(), r -> r.organisation().id(), r -> r.reason())
                .containsExactly(
                        tuple(AgencyKind.LOCAL_AUTHORITY, "LA-1", RoutingReason.HOME_EDUCATED),
                        tuple(AgencyKind.GP, "GP-1", RoutingReason.REGISTERED_WITH_GP));
    }

    @Test
    void aSixteenYearOldAtCollegeIsToldToTheCollege() {
        assertThat(recipients(child(LocalDate.of(2010, 3, 3), null, null, "COL-1", false, null)))
                .extracting(r -> r.kind(), r -> r.reason())
                .containsExactly(
                        tuple(AgencyKind.COLLEGE, RoutingReason.ENROLLED_AT_COLLEGE),
                        tuple(AgencyKind.GP, RoutingReason.REGISTERED_WITH_GP));
    }

    @Test
    void aCollegeLinkOutsideSixteenAndSeventeenIsNotUsed() {
        // 15 on the incident date: not yet in further education; 18: no longer a child
        assertThat(recipients(child(LocalDate.of(2011, 1, 1), null, null, "COL-1", false, null)))
                .extracting(r -> r.kind()).containsExactly(AgencyKind.GP);
        assertThat(recipients(child(LocalDate.of(2008, 11, 20), null, null, "COL-1", false, null)))
                .extracting(r -> r.kind()).containsExactly(AgencyKind.GP);
        // 17 the day before the 18th birthday: still the college
        assertThat(recipients(child(LocalDate.of(2008, 11, 21), null, null, "COL-1", false, null)))
                .extracting(r -> r.kind()).containsExactly(AgencyKind.COLLEGE, AgencyKind.GP);
    }

    @Test
    void aLinkToAnOrganisationTheDirectoryDoesNotHoldIsSkipped() {
        assertThat(recipients(child(LocalDate.of(2024, 6, 1), null, "EY-GONE", null, false, null)))
                .extracting(r -> r.kind()).containsExactly(AgencyKind.GP, AgencyKind.HEALTH_VISITING);
    }
}
