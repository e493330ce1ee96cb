package uk.safeguarding.notification.routing.calendar;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchoolClosureRepository extends CrudRepository<SchoolClosureEntity, Long> {

    List<SchoolClosureEntity> findByOrganisationIdIn(Collection<String> organisationIds);

    void deleteByOrganisationId(String organisationId);
}
