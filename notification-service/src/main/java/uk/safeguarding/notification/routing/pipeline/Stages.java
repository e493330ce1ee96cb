package uk.safeguarding.notification.routing.pipeline;

import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.policy.SharingPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain steps that join the routing stages: each takes the incidents of a batch (in order) and, per incident, the
 * alerts so far, and gives what the next stage reads. No database, no framework: unit-tested alone (StagesTest).
 */
final class Stages {

    private Stages() {
    }

    /**
     * Alerts made after routing (concern referrals, revision updates) added to the incident revision each belongs
     * to; one that belongs to no incident of the batch is a defect, never sent silently elsewhere.
     */
    static List<List<AgencyAlert>> addToTheirIncidents(List<IncidentReported> incidents,
                                                       List<List<AgencyAlert>> alerts, List<AgencyAlert> added) {
        List<List<AgencyAlert>> out = new ArrayList<>(alerts.size());
        alerts.forEach(a -> out.add(new ArrayList<>(a)));
        for (AgencyAlert a : added) {
            int n = indexOf(incidents, a);
            if (n < 0) {
                throw new IllegalStateException("Alert " + a.getAlertId() + " belongs to no incident of the batch");
            }
            out.get(n).add(a);
        }
        return out;
    }

    /**
     * The last step before anything is recorded: whatever was added to an alert after routing (family history,
     * updates, concern alerts) passes the information-sharing policy too.
     */
    static List<List<AgencyAlert>> shared(SharingPolicy policy, List<List<AgencyAlert>> alerts) {
        return alerts.stream().map(list -> list.stream().map(policy::redact).toList()).toList();
    }

    private static int indexOf(List<IncidentReported> incidents, AgencyAlert alert) {
        for (int n = 0; n < incidents.size(); n++) {
            IncidentReported i = incidents.get(n);
            if (i.getIncidentId().equals(alert.getIncidentId()) && i.getRevision() == alert.getIncidentRevision()) {
                return n;
            }
        }
        return -1;
    }
}
