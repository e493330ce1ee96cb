package uk.safeguarding.notification.routing;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.SupervisedAdult;

/**
 * What each kind of recipient is told about the incident: a fixed selection per agency kind, all of it here (a later
 * issue replaces this class with a declarative, versioned information-sharing policy).
 *
 * <ul>
 * <li>every kind: occurredAt, reportedAt, childPresent, childSpokenTo, voiceOfChild, adultPresentWhenSpokenTo,
 * welfareCheckMade, attendingOfficer;</li>
 * <li>education (school, early years, college): nothing more;</li>
 * <li>health (school nurse, GP, health visiting), probation, local authority and children's social care also:
 * riskLevel;</li>
 * <li>probation also: supervisedAdult;</li>
 * <li>never: location, circumstances, other adults' details.</li>
 * </ul>
 */
public final class Disclosures {

    private Disclosures() {
    }

    public static Disclosure select(AgencyKind kind, IncidentReported incident, IncidentChild child,
                                    SupervisedAdult supervisedAdult) {
        Disclosure.Builder d = Disclosure.newBuilder()
                .setOccurredAt(incident.getOccurredAt())
                .setReportedAt(incident.getReportedAt())
                .setChildPresent(child.getPresent())
                .setChildSpokenTo(child.getSpokenTo())
                .setVoiceOfChild(child.getVoiceOfChild())
                .setAdultPresentWhenSpokenTo(child.getAdultPresentWhenSpokenTo())
                .setWelfareCheckMade(child.getWelfareCheckMade())
                .setAttendingOfficer(incident.getAttendingOfficer());
        switch (kind) {
            case SCHOOL, EARLY_YEARS, COLLEGE -> {
            }
            case SCHOOL_NURSE, GP, HEALTH_VISITING, LOCAL_AUTHORITY, CHILDRENS_SOCIAL_CARE ->
                    d.setRiskLevel(incident.getRiskLevel());
            case PROBATION -> d.setRiskLevel(incident.getRiskLevel()).setSupervisedAdult(supervisedAdult);
            default -> throw new IllegalArgumentException("No disclosure selection for agency kind " + kind);
        }
        return d.build();
    }
}
