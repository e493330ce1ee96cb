package uk.safeguarding.registry.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import uk.safeguarding.registry.core.RegistryException;

import java.util.List;

/** Request bodies. Unknown properties (metadata, ruleSet, normalize, ...) are ignored, as Confluent's clients send them. */
final class Requests {

    private Requests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegisterSchema(String schema, String schemaType, List<JsonNode> references) {
        /** References would need resolving across subjects; none of the project's schemas use them. */
        RegisterSchema requireNoReferences() {
            if (references != null && !references.isEmpty()) {
                throw RegistryException.invalidSchema("Schema references are not supported by this registry");
            }
            return this;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigUpdate(String compatibility, String compatibilityLevel) {
        /** Confluent's API names the field "compatibility" on PUT; some clients echo "compatibilityLevel". */
        String level() {
            return compatibility != null ? compatibility : compatibilityLevel;
        }
    }
}
