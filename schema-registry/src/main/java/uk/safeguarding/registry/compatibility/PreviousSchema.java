package uk.safeguarding.registry.compatibility;

import org.apache.avro.Schema;

/** A live version already registered under the subject. */
public record PreviousSchema(int version, Schema schema) {
}
