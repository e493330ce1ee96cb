package uk.safeguarding.ingest.access;

/** An authenticated client submitted for a force its token does not cover (answered 403, nothing accepted). */
public class ForceNotPermittedException extends RuntimeException {

    private final String clientId;
    private final String forceCode;
    private final String permittedForces;

    public ForceNotPermittedException(PoliceClient client, String forceCode) {
        super("Client " + client.clientId() + " may not submit for force " + forceCode);
        this.clientId = client.clientId();
        this.forceCode = forceCode;
        this.permittedForces = client.describeForces();
    }

    public String clientId() {
        return clientId;
    }

    public String forceCode() {
        return forceCode;
    }

    public String permittedForces() {
        return permittedForces;
    }
}
