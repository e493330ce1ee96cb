package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.shared.kafka.AlertBindings;

/** Names of the bindings (notification-service.yml): the consumer function and the StreamBridge outputs. */
public final class Bindings {

    public static final String FUNCTION = "routeIncidents";
    public static final String INPUT = FUNCTION + "-in-0";
    public static final String UNRESOLVED = "childrenUnresolved";
    public static final String DEAD_LETTERS = "incidentsDeadLetter";
    public static final String AUDIT = "auditDisclosures";

    private Bindings() {
    }

    /** The output binding of an agency kind's alert topic (see {@link AlertBindings}). */
    public static String alerts(AgencyKind kind) {
        return AlertBindings.output(kind);
    }
}
