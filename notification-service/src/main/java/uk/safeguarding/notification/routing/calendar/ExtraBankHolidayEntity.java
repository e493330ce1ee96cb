package uk.safeguarding.notification.routing.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A bank holiday an area added through the admin API (a one-off), on top of the configured files. */
@MappedEntity("calendar_extra_bank_holiday")
public record ExtraBankHolidayEntity(@Id @GeneratedValue @Nullable Long id, LocalDate holidayDate, String name,
                                     Instant updatedAt) {
}
