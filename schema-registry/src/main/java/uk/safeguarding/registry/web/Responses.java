package uk.safeguarding.registry.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import uk.safeguarding.registry.core.SchemaRegistry;
import uk.safeguarding.registry.core.StoredSchema;
import uk.safeguarding.registry.core.SubjectVersion;

/** JSON bodies, spelled as Confluent's registry spells them. */
final class Responses {

    private Responses() {
    }

    /** Confluent leaves schemaType out for Avro, its default. */
    private static String typeUnlessAvro(String schemaType) {
        return SchemaRegistry.AVRO.equals(schemaType) ? null : schemaType;
    }

    record Id(int id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"schemaType", "schema"})
    record SchemaString(String schemaType, String schema) {
        static SchemaString of(StoredSchema stored) {
            return new SchemaString(typeUnlessAvro(stored.schemaType()), stored.schema());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"subject", "version", "id", "schemaType", "schema"})
    record Version(String subject, int version, int id, String schemaType, String schema) {
        static Version of(SubjectVersion v) {
            return new Version(v.subject(), v.version(), v.id(), typeUnlessAvro(v.schemaType()), v.schema());
        }
    }

    record SubjectAndVersion(String subject, int version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Compatibility(@JsonProperty("is_compatible") boolean isCompatible, java.util.List<String> messages) {
    }

    record ConfigUpdate(String compatibility) {
    }

    record Config(String compatibilityLevel) {
    }

    record Mode(String mode) {
    }

    record Error(@JsonProperty("error_code") int errorCode, String message) {
    }
}
