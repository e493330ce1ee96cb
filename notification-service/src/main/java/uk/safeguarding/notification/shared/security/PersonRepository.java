package uk.safeguarding.notification.shared.security;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRepository extends CrudRepository<PersonEntity, String> {

    Optional<PersonEntity> findByEmail(String email);

    List<PersonEntity> findByOrganisationIdAndRoleIn(String organisationId, Collection<PersonRole> roles);

    List<PersonEntity> findByRole(PersonRole role);
}
