package uk.safeguarding.notification.routing.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

@MappedEntity("calendar_school_closure")
public record SchoolClosureEntity(@Id @GeneratedValue @Nullable Long id, String organisationId, LocalDate closureDate,
                                  String reason) {
}
