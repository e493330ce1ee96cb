package uk.safeguarding.notification.routing.policy;

import uk.safeguarding.avro.Disclosure;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.SupervisedAdult;

/**
 * Where each item of a {@link Disclosure} comes from in the incident: everything known about it for one child. Not a
 * selection: {@link SharingPolicy#disclose} decides what a recipient is told; this is only ever a candidate.
 */
public final class IncidentFacts {

    private IncidentFacts() {
    }

    public static Disclosure of(IncidentReported incident, IncidentChild child, SupervisedAdult supervisedAdult) {
        return Disclosure.newBuilder()
                .setOccurredAt(incident.getOccurredAt())
                .setReportedAt(incident.getReportedAt())
                .setRiskLevel(incident.getRiskLevel())
                .setChildPresent(child.getPresent())
                .setChildSpokenTo(child.getSpokenTo())
                .setVoiceOfChild(child.getVoiceOfChild())
                .setAdultPresentWhenSpokenTo(child.getAdultPresentWhenSpokenTo())
                .setWelfareCheckMade(child.getWelfareCheckMade())
                .setCircumstances(incident.getCircumstances())
                .setLocation(incident.getLocation())
                .setAttendingOfficer(incident.getAttendingOfficer())
                .setSupervisedAdult(supervisedAdult)
                .build();
    }
}
