package uk.safeguarding.notification;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.Recipient;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.testkit.TestClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

/** Alerts as delivery receives them, for tests that record deliveries without routing an incident first. */
public final class TestAlerts {

    private TestAlerts() {
    }

    /** A school-kind alert (or any kind) for an organisation, with an invented child and the deadline given. */
    public static AgencyAlert alert(UUID alertId, String incidentId, String organisationId, String organisationName,
                                    AgencyKind kind, Instant dueBy, Instant routedAt) {
        return AgencyAlert.newBuilder()
                .setAlertId(alertId.toString()).setIncidentId(incidentId).setIncidentRevision(1).setForceCode("TST")
                .setPoliceReference("TST-" + incidentId)
                .setRecipient(Recipient.newBuilder().setOrganisationId(organisationId)
                        .setOrganisationName(organisationName).setKind(kind).build())
                .setChild(AlertChild.newBuilder().setChildId("T-CH-" + alertId).setGivenName("Test")
                        .setFamilyName("Child").setDateOfBirth(TestClock.bornYearsAgo(9, 6, 1)).build())
                .setDisclosed(Disclosure.newBuilder().setChildPresent(true).setCircumstances("Invented").build())
                .setRoutingReason(RoutingReason.UNKNOWN).setRoutedAt(routedAt).setDueBy(dueBy)
                .setHouseholdChildren(new ArrayList<>())
                .build();
    }
}
