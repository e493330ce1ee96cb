package uk.safeguarding.registry.web;

import org.springframework.http.MediaType;

/** The content types Confluent's registry speaks; its clients send and accept these. */
final class RegistryMediaTypes {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String JSON = "application/vnd.schemaregistry+json";
    static final MediaType V1_JSON_TYPE = MediaType.parseMediaType(V1_JSON);
    static final MediaType JSON_TYPE = MediaType.parseMediaType(JSON);

    private RegistryMediaTypes() {
    }
}
