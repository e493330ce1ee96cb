package uk.safeguarding.notification.routing.directory;

/** Identifier schemes held in the directory (the same names as the Avro IdentifierScheme). */
public enum IdentifierScheme {
    UPN, NHS_NUMBER, LOCAL_AUTHORITY_ID, PNC_ID
}
