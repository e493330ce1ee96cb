package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.avro.AgencyKind;

import java.util.EnumMap;
import java.util.Map;

/** Names of the bindings (notification-service.yml): the consumer function and the StreamBridge outputs. */
public final class Bindings {

    public static final String FUNCTION = "routeIncidents";
    public static final String INPUT = FUNCTION + "-in-0";
    public static final String UNRESOLVED = "childrenUnresolved";
    public static final String DEAD_LETTERS = "incidentsDeadLetter";
    public static final String AUDIT = "auditDisclosures";

    private static final Map<AgencyKind, String> ALERTS = new EnumMap<>(Map.of(
            AgencyKind.EARLY_YEARS, "alertsEarlyYears",
            AgencyKind.COLLEGE, "alertsCollege",
            AgencyKind.CHILDRENS_SOCIAL_CARE, "alertsChildrensSocialCare",
            AgencyKind.SCHOOL, "alertsSchool",
            AgencyKind.SCHOOL_NURSE, "alertsSchoolNurse",
            AgencyKind.GP, "alertsGp",
            AgencyKind.HEALTH_VISITING, "alertsHealthVisiting",
            AgencyKind.PROBATION, "alertsProbation",
            AgencyKind.LOCAL_AUTHORITY, "alertsLocalAuthority"));

    private Bindings() {
    }

    public static String alerts(AgencyKind kind) {
        String binding = ALERTS.get(kind);
        if (binding == null) {
            throw new IllegalArgumentException("No output binding for agency kind " + kind);
        }
        return binding;
    }
}
