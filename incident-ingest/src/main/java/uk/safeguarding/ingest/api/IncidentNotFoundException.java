package uk.safeguarding.ingest.api;

public class IncidentNotFoundException extends RuntimeException {

    private final String incidentId;

    public IncidentNotFoundException(String incidentId) {
        super("No incident " + incidentId);
        this.incidentId = incidentId;
    }

    public String incidentId() {
        return incidentId;
    }
}
