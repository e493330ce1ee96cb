package uk.safeguarding.registry.core;

/** A schema under its global id, shared by every subject that registered it. */
public record StoredSchema(int id, String schemaType, String schema) {
}
