package uk.safeguarding.registry.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.safeguarding.registry.compatibility.CompatibilityResult;
import uk.safeguarding.registry.core.RegistryException;
import uk.safeguarding.registry.core.SchemaRegistry;
import uk.safeguarding.registry.core.SubjectVersion;

import java.util.List;
import java.util.Map;

/**
 * Confluent Schema Registry REST API (the subset Confluent's serializers, clients and tools call). Query parameters
 * the clients add and this registry has no use for ({@code subject}, {@code format}, {@code normalize}, ...) are
 * accepted and ignored.
 */
@RestController
@RequestMapping(produces = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.JSON, MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE})
class SchemaRegistryController {

    private static final String READWRITE = "READWRITE";

    private final SchemaRegistry registry;

    SchemaRegistryController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/")
    Map<String, Object> root() {
        return Map.of();
    }

    @GetMapping({"/mode", "/mode/{subject}"})
    Responses.Mode mode() {
        return new Responses.Mode(READWRITE);
    }

    @GetMapping("/schemas/types")
    List<String> schemaTypes() {
        return List.of(SchemaRegistry.AVRO);
    }

    // ---- schemas by global id

    @GetMapping("/schemas/ids/{id}")
    Responses.SchemaString schemaById(@PathVariable String id) {
        return Responses.SchemaString.of(registry.schemaById(schemaId(id)));
    }

    @GetMapping("/schemas/ids/{id}/schema")
    String rawSchemaById(@PathVariable String id) {
        return registry.schemaById(schemaId(id)).schema();
    }

    @GetMapping("/schemas/ids/{id}/versions")
    List<Responses.SubjectAndVersion> versionsOfSchema(@PathVariable String id,
                                                        @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsOfSchema(schemaId(id), deleted).stream()
                .map(v -> new Responses.SubjectAndVersion(v.subject(), v.version())).toList();
    }

    @GetMapping("/schemas/ids/{id}/subjects")
    List<String> subjectsOfSchema(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsOfSchema(schemaId(id), deleted).stream().map(SubjectVersion::subject).distinct().toList();
    }

    // ---- subjects and versions

    @GetMapping("/subjects")
    List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted,
                          @RequestParam(required = false) String subjectPrefix) {
        return registry.subjects(deleted, subjectPrefix);
    }

    @PostMapping("/subjects/{subject}/versions")
    Responses.Id register(@PathVariable String subject, @RequestBody Requests.RegisterSchema body) {
        Requests.RegisterSchema request = body.requireNoReferences();
        return new Responses.Id(registry.register(subject, request.schema(), request.schemaType()).id());
    }

    @PostMapping("/subjects/{subject}")
    Responses.Version lookup(@PathVariable String subject, @RequestBody Requests.RegisterSchema body,
                             @RequestParam(defaultValue = "false") boolean deleted) {
        Requests.RegisterSchema request = body.requireNoReferences();
        return Responses.Version.of(registry.lookup(subject, request.schema(), request.schemaType(), deleted));
    }

    @GetMapping("/subjects/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionNumbers(subject, deleted);
    }

    @GetMapping("/subjects/{subject}/versions/{version}")
    Responses.Version version(@PathVariable String subject, @PathVariable String version,
                              @RequestParam(defaultValue = "false") boolean deleted) {
        return Responses.Version.of(registry.version(subject, version, deleted));
    }

    @GetMapping("/subjects/{subject}/versions/{version}/schema")
    String rawSchema(@PathVariable String subject, @PathVariable String version,
                     @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.version(subject, version, deleted).schema();
    }

    /** No schema references are supported, so nothing can refer to a version; the version must still exist. */
    @GetMapping("/subjects/{subject}/versions/{version}/referencedby")
    List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
        registry.version(subject, version, false);
        return List.of();
    }

    @DeleteMapping("/subjects/{subject}")
    List<Integer> deleteSubject(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteSubject(subject, permanent);
    }

    @DeleteMapping("/subjects/{subject}/versions/{version}")
    int deleteVersion(@PathVariable String subject, @PathVariable String version,
                      @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteVersion(subject, version, permanent);
    }

    // ---- compatibility

    @PostMapping("/compatibility/subjects/{subject}/versions/{version}")
    Responses.Compatibility testCompatibility(@PathVariable String subject, @PathVariable String version,
                                              @RequestBody Requests.RegisterSchema body,
                                              @RequestParam(defaultValue = "false") boolean verbose) {
        Requests.RegisterSchema request = body.requireNoReferences();
        return answer(registry.testCompatibility(subject, version, request.schema(), request.schemaType()), verbose);
    }

    @PostMapping("/compatibility/subjects/{subject}/versions")
    Responses.Compatibility testCompatibilityWithAll(@PathVariable String subject,
                                                     @RequestBody Requests.RegisterSchema body,
                                                     @RequestParam(defaultValue = "false") boolean verbose) {
        Requests.RegisterSchema request = body.requireNoReferences();
        return answer(registry.testCompatibility(subject, null, request.schema(), request.schemaType()), verbose);
    }

    private static Responses.Compatibility answer(CompatibilityResult result, boolean verbose) {
        return new Responses.Compatibility(result.compatible(), verbose ? result.messages() : null);
    }

    // ---- configuration

    @GetMapping("/config")
    Responses.Config globalConfig() {
        return new Responses.Config(registry.globalLevel().name());
    }

    @PutMapping("/config")
    Responses.ConfigUpdate updateGlobalConfig(@RequestBody Requests.ConfigUpdate body) {
        return new Responses.ConfigUpdate(registry.setGlobalLevel(body.level()).name());
    }

    /** Back to the default level; answers the level that was set. */
    @DeleteMapping("/config")
    Responses.Config deleteGlobalConfig() {
        return new Responses.Config(registry.resetGlobalLevel().name());
    }

    @GetMapping("/config/{subject}")
    Responses.Config subjectConfig(@PathVariable String subject,
                                   @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        return new Responses.Config(registry.subjectLevel(subject, defaultToGlobal).name());
    }

    @PutMapping("/config/{subject}")
    Responses.ConfigUpdate updateSubjectConfig(@PathVariable String subject, @RequestBody Requests.ConfigUpdate body) {
        return new Responses.ConfigUpdate(registry.setSubjectLevel(subject, body.level()).name());
    }

    @DeleteMapping("/config/{subject}")
    Responses.Config deleteSubjectConfig(@PathVariable String subject) {
        return new Responses.Config(registry.deleteSubjectLevel(subject).name());
    }

    /** Ids are ints; anything else cannot name a schema. */
    private static int schemaId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, 40403, "Schema " + id + " not found");
        }
    }
}
