package uk.safeguarding.registry.core;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import uk.safeguarding.registry.compatibility.CompatibilityChecker;
import uk.safeguarding.registry.compatibility.CompatibilityLevel;
import uk.safeguarding.registry.compatibility.CompatibilityResult;
import uk.safeguarding.registry.compatibility.PreviousSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's rules, as Confluent's registry applies them to Avro: one global id per distinct schema, versions
 * numbered per subject, compatibility checked against the live versions at the subject's (or else the global) level,
 * soft deletion before permanent deletion. Web and SQL stay outside.
 */
public class SchemaRegistry {

    public static final String AVRO = "AVRO";

    private final SchemaStore store;
    private final CompatibilityChecker checker;

    public SchemaRegistry(SchemaStore store, CompatibilityChecker checker) {
        this.store = store;
        this.checker = checker;
    }

    /** Registers the schema under the subject, or answers the live version that already holds it. */
    public SubjectVersion register(String subject, String schemaText, String schemaType) {
        requireSubject(subject);
        Schema candidate = parse(schemaText, schemaType);
        String canonical = candidate.toString();
        return store.inSubjectTransaction(subject, () -> {
            List<SubjectVersion> all = store.versions(subject);
            List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            Optional<SubjectVersion> existing = live.stream().filter(v -> sameSchema(v.schema(), candidate)).findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            CompatibilityLevel level = effectiveLevel(subject);
            CompatibilityResult result = checker.check(level, candidate, previous(live));
            if (!result.compatible()) {
                throw RegistryException.incompatible("Schema being registered is incompatible with an earlier schema "
                        + "for subject \"" + subject + "\", details: " + result.messages());
            }
            int id = store.idForSchema(AVRO, fingerprint(candidate), canonical,
                    stored -> sameSchema(stored.schema(), candidate));
            // numbering continues after soft-deleted versions, as Confluent's does
            int version = all.stream().mapToInt(SubjectVersion::version).max().orElse(0) + 1;
            store.addVersion(subject, version, id);
            return new SubjectVersion(subject, version, id, AVRO, store.schemaById(id).orElseThrow().schema(), false);
        });
    }

    /** The version of the subject holding this schema ({@code POST /subjects/{subject}}). */
    public SubjectVersion lookup(String subject, String schemaText, String schemaType, boolean includeDeleted) {
        Schema candidate = parse(schemaText, schemaType);
        List<SubjectVersion> versions = visible(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream()
                .filter(v -> sameSchema(v.schema(), candidate))
                .max(Comparator.comparingInt(SubjectVersion::version))
                .orElseThrow(RegistryException::schemaNotFound);
    }

    /**
     * A schema by global id. Readable while any subject version (even a soft-deleted one) uses it, so records written
     * before a soft delete still deserialize.
     */
    public StoredSchema schemaById(int id) {
        StoredSchema schema = store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
        if (store.versionsOfSchema(id).isEmpty()) {
            throw RegistryException.schemaNotFound(id);
        }
        return schema;
    }

    public List<SubjectVersion> versionsOfSchema(int id, boolean includeDeleted) {
        schemaById(id);
        return store.versionsOfSchema(id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    public List<String> subjects(boolean includeDeleted, String prefix) {
        return store.subjects(includeDeleted).stream()
                .filter(s -> prefix == null || s.startsWith(prefix))
                .toList();
    }

    public List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        List<SubjectVersion> versions = visible(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SubjectVersion::version).toList();
    }

    /** @param version a number, or "latest" / "-1" */
    public SubjectVersion version(String subject, String version, boolean includeDeleted) {
        VersionSpec spec = VersionSpec.parse(version);
        List<SubjectVersion> versions = visible(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (spec.latest()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == spec.number()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
    }

    /**
     * Whether the schema could be registered. Against "latest" (or no version) this is the check registration
     * makes, transitive levels included; against a numbered version it is that one version only.
     */
    public CompatibilityResult testCompatibility(String subject, String version, String schemaText, String schemaType) {
        Schema candidate = parse(schemaText, schemaType);
        VersionSpec spec = version == null ? VersionSpec.LATEST : VersionSpec.parse(version);
        List<SubjectVersion> live = visible(subject, false);
        CompatibilityLevel level = effectiveLevel(subject);
        if (spec.latest()) {
            // Confluent answers compatible when there is nothing to be compatible with
            return checker.check(level, candidate, previous(live));
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        SubjectVersion against = live.stream().filter(v -> v.version() == spec.number()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
        return checker.check(level, candidate, previous(List.of(against)));
    }

    public CompatibilityLevel globalLevel() {
        return store.compatibility(null).orElse(CompatibilityLevel.DEFAULT);
    }

    public CompatibilityLevel setGlobalLevel(String level) {
        CompatibilityLevel parsed = parseLevel(level);
        store.setCompatibility(null, parsed);
        return parsed;
    }

    /** Back to the default level; answers the level that was in force. */
    public CompatibilityLevel resetGlobalLevel() {
        CompatibilityLevel previous = globalLevel();
        store.deleteCompatibility(null);
        return previous;
    }

    /** @param defaultToGlobal answer the global level when the subject has none (else 40408, as Confluent does) */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> level = store.compatibility(subject);
        if (level.isPresent()) {
            return level.get();
        }
        if (defaultToGlobal) {
            return globalLevel();
        }
        throw RegistryException.subjectLevelCompatibilityNotConfigured(subject);
    }

    public CompatibilityLevel setSubjectLevel(String subject, String level) {
        requireSubject(subject);
        CompatibilityLevel parsed = parseLevel(level);
        store.setCompatibility(subject, parsed);
        return parsed;
    }

    /** Removes the subject's own level, so the global one applies again; answers the level removed. */
    public CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevel(subject, false);
        store.deleteCompatibility(subject);
        return previous;
    }

    /**
     * Soft delete marks every live version deleted; permanent delete (only after a soft delete) removes them.
     * Answers the version numbers affected.
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return store.inSubjectTransaction(subject, () -> {
            List<SubjectVersion> all = store.versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                all.forEach(v -> store.deletePermanently(subject, v.version()));
                store.deleteCompatibility(subject);
                return all.stream().map(SubjectVersion::version).toList();
            }
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            live.forEach(v -> store.markDeleted(subject, v.version()));
            return live.stream().map(SubjectVersion::version).toList();
        });
    }

    public int deleteVersion(String subject, String version, boolean permanent) {
        VersionSpec spec = VersionSpec.parse(version);
        return store.inSubjectTransaction(subject, () -> {
            List<SubjectVersion> all = store.versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            SubjectVersion target;
            if (spec.latest()) {
                List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
                if (live.isEmpty()) {
                    throw RegistryException.subjectNotFound(subject);
                }
                target = live.get(live.size() - 1);
            } else {
                target = all.stream().filter(v -> v.version() == spec.number()).findFirst()
                        .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
            }
            if (permanent) {
                if (!target.deleted()) {
                    throw RegistryException.versionNotSoftDeleted(subject, target.version());
                }
                store.deletePermanently(subject, target.version());
            } else {
                if (target.deleted()) {
                    throw RegistryException.versionSoftDeleted(subject, target.version());
                }
                store.markDeleted(subject, target.version());
            }
            return target.version();
        });
    }

    private List<SubjectVersion> visible(String subject, boolean includeDeleted) {
        return store.versions(subject).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return store.compatibility(subject).orElseGet(this::globalLevel);
    }

    private static List<PreviousSchema> previous(List<SubjectVersion> versions) {
        List<PreviousSchema> out = new ArrayList<>(versions.size());
        for (SubjectVersion v : versions) {
            out.add(new PreviousSchema(v.version(), new Schema.Parser().parse(v.schema())));
        }
        return out;
    }

    /**
     * Identity is Avro's equality of the parsed schemas (names, fields, types, defaults, properties), so the same
     * schema sent with other whitespace or attribute order is recognised as the one already registered.
     */
    private static boolean sameSchema(String storedText, Schema candidate) {
        return new Schema.Parser().parse(storedText).equals(candidate);
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    static Schema parse(String schemaText, String schemaType) {
        if (schemaType != null && !AVRO.equals(schemaType.toUpperCase(Locale.ROOT))) {
            throw RegistryException.invalidSchema("Schema type " + schemaType + " is not supported: this registry "
                    + "stores AVRO schemas only");
        }
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema " + schemaText + ", details: " + e.getMessage());
        }
    }

    private static CompatibilityLevel parseLevel(String level) {
        return CompatibilityLevel.parse(level).orElseThrow(() -> RegistryException.invalidCompatibilityLevel(level));
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw RegistryException.invalidSchema("A subject name is required");
        }
    }

    /** A version path segment: a positive number, or "latest" (also spelled -1 by Confluent's clients). */
    record VersionSpec(boolean latest, int number) {

        static final VersionSpec LATEST = new VersionSpec(true, -1);

        static VersionSpec parse(String version) {
            if (version == null || "latest".equalsIgnoreCase(version.trim())) {
                return LATEST;
            }
            try {
                int number = Integer.parseInt(version.trim());
                if (number == -1) {
                    return LATEST;
                }
                if (number < 1) {
                    throw RegistryException.invalidVersion(version);
                }
                return new VersionSpec(false, number);
            } catch (NumberFormatException e) {
                throw RegistryException.invalidVersion(version);
            }
        }
    }
}
