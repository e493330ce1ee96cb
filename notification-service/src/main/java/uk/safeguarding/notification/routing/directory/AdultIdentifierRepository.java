package uk.safeguarding.notification.routing.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AdultIdentifierRepository extends CrudRepository<AdultIdentifierEntity, Long> {

    List<AdultIdentifierEntity> findByAdultIdIn(Collection<String> adultIds);

    void deleteByAdultIdIn(Collection<String> adultIds);
}
