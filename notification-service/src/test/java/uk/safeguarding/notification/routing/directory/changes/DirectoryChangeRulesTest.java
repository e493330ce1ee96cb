package uk.safeguarding.notification.routing.directory.changes;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.directory.changes.DirectoryChangeRules.Apply;
import uk.safeguarding.notification.routing.directory.changes.DirectoryChangeRules.Reject;
import uk.safeguarding.notification.routing.directory.changes.DirectoryChangeRules.Stale;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryChangeRulesTest {

    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void aSchoolMoveToAKnownSchoolApplies() {
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.SCHOOL_CHANGED, "SCH-2", OrganisationKind.SCHOOL,
                true, T, T.minusSeconds(60))).isEqualTo(new Apply(OrganisationKind.SCHOOL, "SCH-2"));
    }

    @Test
    void aChangeOlderThanTheLastOneAppliedToTheSameLinkIsStale() {
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.SCHOOL_CHANGED, "SCH-2", OrganisationKind.SCHOOL,
                true, T.minusSeconds(1), T)).isEqualTo(new Stale(T));
        // the same instant is not older: it applies
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.SCHOOL_CHANGED, "SCH-2", OrganisationKind.SCHOOL,
                true, T, T)).isInstanceOf(Apply.class);
    }

    @Test
    void openingAndClosingAProbationCaseSetTheSameLinkAndClosingRemovesIt() {
        assertThat(DirectoryChangeRules.linkOf(DirectoryChangeKind.PROBATION_CASE_OPENED))
                .isEqualTo(DirectoryChangeRules.linkOf(DirectoryChangeKind.PROBATION_CASE_CLOSED));
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.PROBATION_CASE_CLOSED, "PDU-1",
                OrganisationKind.PROBATION, true, T, null)).isEqualTo(new Apply(OrganisationKind.PROBATION, null));
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.PROBATION_CASE_OPENED, null, null, true, T, null))
                .isInstanceOf(Reject.class);
    }

    @Test
    void aNullOrganisationRemovesTheLink() {
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.EARLY_YEARS_CHANGED, null, null, true, T, null))
                .isEqualTo(new Apply(OrganisationKind.EARLY_YEARS, null));
    }

    @Test
    void anUnknownKindAnUnknownPersonAnUnknownOrganisationOrTheWrongKindOfOrganisationIsRejected() {
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.UNKNOWN, "SCH-2", OrganisationKind.SCHOOL, true, T,
                null)).isInstanceOf(Reject.class);
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.GP_REGISTERED, "GP-1", OrganisationKind.GP, false,
                T, null)).isInstanceOf(Reject.class);
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.COLLEGE_CHANGED, "COL-X", null, true, T, null))
                .isEqualTo(new Reject("no organisation with id COL-X"));
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.SCHOOL_CHANGED, "GP-1", OrganisationKind.GP, true,
                T, null)).isEqualTo(new Reject("organisation GP-1 is a GP, not a SCHOOL"));
        assertThat(DirectoryChangeRules.decide(DirectoryChangeKind.HOME_EDUCATED, "LA-1",
                OrganisationKind.LOCAL_AUTHORITY, true, T, null)).isEqualTo(new Apply(OrganisationKind.LOCAL_AUTHORITY, "LA-1"));
    }
}
