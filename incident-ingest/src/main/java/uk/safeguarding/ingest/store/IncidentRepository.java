package uk.safeguarding.ingest.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

/** Micronaut Data JDBC, implemented at compile time; joins Spring transactions through micronaut-data-spring-jdbc. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends CrudRepository<IncidentRecord, String> {

    /**
     * Creates the incident row if it is new, without failing when a concurrent submission created it first; the
     * row is then locked with {@link #findByIdForUpdate}. Revision 0 means "nothing accepted yet".
     */
    @Query("INSERT INTO incident (incident_id, force_code, police_reference, latest_revision, created_at, updated_at) "
            + "VALUES (:incidentId, :forceCode, :policeReference, 0, :now, :now) ON CONFLICT (incident_id) DO NOTHING")
    void insertIfAbsent(String incidentId, String forceCode, String policeReference, Instant now);

    /** SELECT ... FOR UPDATE: holds concurrent submissions of the same incident until this transaction ends. */
    Optional<IncidentRecord> findByIdForUpdate(String incidentId);

    void update(@Id String incidentId, int latestRevision, Instant updatedAt);
}
