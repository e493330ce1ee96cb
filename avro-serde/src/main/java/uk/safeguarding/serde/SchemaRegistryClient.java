package uk.safeguarding.serde;

import org.apache.avro.Schema;

/** The calls the serde makes on a Confluent-API schema registry. Implementations cache what they learn. */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The global id of a schema already registered under the subject, without registering it. */
    int getId(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getSchemaById(int id);

    /** The newest version registered under the subject. */
    SchemaMetadata getLatestSchemaMetadata(String subject);

    record SchemaMetadata(String subject, int version, int id, Schema schema) {
    }
}
