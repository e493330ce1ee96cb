package uk.safeguarding.registry.core;

/** One version of a subject: which global schema id it is, and the schema's stored (canonical) text. */
public record SubjectVersion(String subject, int version, int id, String schemaType, String schema, boolean deleted) {
}
