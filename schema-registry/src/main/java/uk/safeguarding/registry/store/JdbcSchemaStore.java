package uk.safeguarding.registry.store;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.registry.compatibility.CompatibilityLevel;
import uk.safeguarding.registry.core.RegistryException;
import uk.safeguarding.registry.core.SchemaStore;
import uk.safeguarding.registry.core.StoredSchema;
import uk.safeguarding.registry.core.SubjectVersion;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The registry's state in PostgreSQL. Writers serialise on transaction-scoped advisory locks (released at commit or
 * rollback, so a crashed request cannot leave one held): one per subject for versions, one registry-wide for
 * allocating schema ids.
 */
public class JdbcSchemaStore implements SchemaStore {

    /** First key of every advisory lock taken here, to stay clear of locks other code (Flyway) takes. */
    private static final int LOCK_NAMESPACE = 0x5C4E_3A01;
    private static final int SCHEMA_ID_LOCK = 0;
    /** The global compatibility level's scope; no subject can be empty. */
    private static final String GLOBAL_SCOPE = "";

    private static final RowMapper<SubjectVersion> VERSION = (rs, n) -> new SubjectVersion(rs.getString("subject"),
            rs.getInt("version"), rs.getInt("schema_id"), rs.getString("schema_type"), rs.getString("schema_text"),
            rs.getBoolean("deleted"));
    private static final RowMapper<StoredSchema> SCHEMA = (rs, n) -> new StoredSchema(rs.getInt("id"),
            rs.getString("schema_type"), rs.getString("schema_text"));
    /** pg_advisory_xact_lock answers void; only its waiting matters. */
    private static final ResultSetExtractor<Void> IGNORE = rs -> null;
    private static final String SELECT_VERSIONS = """
            select v.subject, v.version, v.schema_id, v.deleted, s.schema_type, s.schema_text
            from subject_version v join registered_schema s on s.id = v.schema_id
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcSchemaStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public <T> T inSubjectTransaction(String subject, Supplier<T> work) {
        return storeCall(() -> transactions.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", IGNORE, LOCK_NAMESPACE, subject);
            return work.get();
        }));
    }

    @Override
    public int idForSchema(String schemaType, long fingerprint, String schemaText, Predicate<StoredSchema> sameSchema) {
        return storeCall(() -> transactions.execute(status -> {
            // Equality is Avro's, not the text's, so no unique index can enforce one id per schema: a
            // registry-wide lock does, held only for this short look-and-insert.
            jdbc.query("select pg_advisory_xact_lock(?, ?)", IGNORE, LOCK_NAMESPACE, SCHEMA_ID_LOCK);
            List<StoredSchema> candidates = jdbc.query(
                    "select id, schema_type, schema_text from registered_schema where fingerprint = ? and schema_type = ?"
                            + " order by id", SCHEMA, fingerprint, schemaType);
            for (StoredSchema candidate : candidates) {
                if (sameSchema.test(candidate)) {
                    return candidate.id();
                }
            }
            Integer id = jdbc.queryForObject("insert into registered_schema (schema_type, fingerprint, schema_text)"
                    + " values (?, ?, ?) returning id", Integer.class, schemaType, fingerprint, schemaText);
            return id;
        }));
    }

    @Override
    public Optional<StoredSchema> schemaById(int id) {
        return storeCall(() -> jdbc.query("select id, schema_type, schema_text from registered_schema where id = ?",
                SCHEMA, id).stream().findFirst());
    }

    @Override
    public List<SubjectVersion> versions(String subject) {
        return storeCall(() -> jdbc.query(SELECT_VERSIONS + " where v.subject = ? order by v.version", VERSION, subject));
    }

    @Override
    public List<SubjectVersion> versionsOfSchema(int id) {
        return storeCall(() -> jdbc.query(SELECT_VERSIONS + " where v.schema_id = ? order by v.subject, v.version",
                VERSION, id));
    }

    @Override
    public void addVersion(String subject, int version, int schemaId) {
        storeCall(() -> jdbc.update("insert into subject_version (subject, version, schema_id) values (?, ?, ?)",
                subject, version, schemaId));
    }

    @Override
    public List<String> subjects(boolean includeDeleted) {
        return storeCall(() -> jdbc.queryForList("select distinct subject from subject_version"
                + (includeDeleted ? "" : " where not deleted") + " order by subject", String.class));
    }

    @Override
    public void markDeleted(String subject, int version) {
        storeCall(() -> jdbc.update("update subject_version set deleted = true where subject = ? and version = ?",
                subject, version));
    }

    @Override
    public void deletePermanently(String subject, int version) {
        storeCall(() -> jdbc.update("delete from subject_version where subject = ? and version = ?", subject, version));
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        return storeCall(() -> jdbc.queryForList("select compatibility from compatibility_config where scope = ?",
                        String.class, scope(subject)).stream().findFirst()
                .flatMap(CompatibilityLevel::parse));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        storeCall(() -> jdbc.update("""
                insert into compatibility_config (scope, compatibility) values (?, ?)
                on conflict (scope) do update set compatibility = excluded.compatibility, updated_at = now()
                """, scope(subject), level.name()));
    }

    @Override
    public void deleteCompatibility(String subject) {
        storeCall(() -> jdbc.update("delete from compatibility_config where scope = ?", scope(subject)));
    }

    private static String scope(String subject) {
        return subject == null ? GLOBAL_SCOPE : subject;
    }

    /** Database failures answer Confluent's store error (50001) rather than a bare 500. */
    private static <T> T storeCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw RegistryException.storeError("Error in the backend data store: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
