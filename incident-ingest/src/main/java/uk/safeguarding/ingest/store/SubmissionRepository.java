package uk.safeguarding.ingest.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubmissionRepository extends CrudRepository<SubmissionRecord, Long> {

    List<SubmissionRecord> findByIncidentIdOrderByRevision(String incidentId);

    @Query("UPDATE incident_submission SET status = 'SUPERSEDED' "
            + "WHERE incident_id = :incidentId AND revision < :revision AND status = 'PUBLISHED'")
    void markSupersededBelow(String incidentId, int revision);
}
