package uk.safeguarding.notification.routing.calendar;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ExtraBankHolidayRepository extends CrudRepository<ExtraBankHolidayEntity, Long> {

    Optional<ExtraBankHolidayEntity> findByHolidayDate(LocalDate holidayDate);

    void deleteByHolidayDate(LocalDate holidayDate);
}
