package uk.safeguarding.notification.shared.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LandingTest {

    @Test
    void aCaseworkerLandsOnTheWorkingList() {
        assertThat(Landing.after(Set.of(PersonRole.UNRESOLVED_CASEWORKER))).isEqualTo("/inbox/unresolved");
    }

    @Test
    void anyoneWhoReceivesAlertsLandsOnTheirAlertsEvenIfTheyWorkTheListToo() {
        assertThat(Landing.after(Set.of(PersonRole.KEY_ADULT))).isEqualTo("/inbox");
        assertThat(Landing.after(Set.of(PersonRole.DEPUTY, PersonRole.UNRESOLVED_CASEWORKER))).isEqualTo("/inbox");
    }

    @Test
    void operationsLandOnTheConsoleUnlessTheyReceiveAlertsToo() {
        assertThat(Landing.after(Set.of(PersonRole.OPERATIONS))).isEqualTo("/operations");
        assertThat(Landing.after(Set.of(PersonRole.OPERATIONS, PersonRole.UNRESOLVED_CASEWORKER)))
                .isEqualTo("/operations");
        assertThat(Landing.after(Set.of(PersonRole.OPERATIONS, PersonRole.KEY_ADULT))).isEqualTo("/inbox");
    }
}
