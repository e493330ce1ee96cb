package uk.safeguarding.registry.core;

import uk.safeguarding.registry.compatibility.CompatibilityLevel;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Durable storage behind {@link SchemaRegistry}. Implementations own transactions and locking. */
public interface SchemaStore {

    /**
     * Runs the work in one transaction holding an exclusive lock on the subject, so that reading the latest version,
     * checking compatibility against it and adding the next version cannot interleave with another writer.
     */
    <T> T inSubjectTransaction(String subject, Supplier<T> work);

    /**
     * The id of an equal schema if one exists by then (decided by {@code sameSchema} over the candidates), or a new
     * id for this text. Serialised across the whole registry so that one schema never gets two ids.
     */
    int idForSchema(String schemaType, long fingerprint, String schemaText,
                    Predicate<StoredSchema> sameSchema);

    Optional<StoredSchema> schemaById(int id);

    /** All versions of a subject, oldest first, deleted ones included. */
    List<SubjectVersion> versions(String subject);

    /** The subject versions that use this schema id, deleted ones included. */
    List<SubjectVersion> versionsOfSchema(int id);

    void addVersion(String subject, int version, int schemaId);

    List<String> subjects(boolean includeDeleted);

    void markDeleted(String subject, int version);

    void deletePermanently(String subject, int version);

    /** The level set for this subject, or with {@code subject == null} the registry's global level. */
    Optional<CompatibilityLevel> compatibility(String subject);

    void setCompatibility(String subject, CompatibilityLevel level);

    void deleteCompatibility(String subject);
}
