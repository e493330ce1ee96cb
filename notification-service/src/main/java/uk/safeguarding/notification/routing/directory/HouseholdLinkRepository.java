package uk.safeguarding.notification.routing.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HouseholdLinkRepository extends CrudRepository<HouseholdLinkEntity, String> {

    List<HouseholdLinkEntity> findByIdIn(Collection<String> ids);

    List<HouseholdLinkEntity> findByChildId(String childId);

    List<HouseholdLinkEntity> findByAdultId(String adultId);
}
