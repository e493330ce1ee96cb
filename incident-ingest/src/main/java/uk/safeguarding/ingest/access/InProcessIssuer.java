package uk.safeguarding.ingest.access;

import java.security.interfaces.RSAPublicKey;

/**
 * A token issuer running inside this service (the local run's, {@code ingest.auth.local-issuer.enabled}): when a bean
 * of this type exists, tokens are checked against its key and issuer instead of the configured identity provider's.
 * Declared here, implemented by the issuer, so that access control does not depend on the issuer's package (the
 * issuer depends on access for its settings and scopes, not the other way round).
 */
public interface InProcessIssuer {

    /** The {@code iss} of the tokens it signs. */
    String issuer();

    /** The public half of the key it signs with. */
    RSAPublicKey publicKey();
}
