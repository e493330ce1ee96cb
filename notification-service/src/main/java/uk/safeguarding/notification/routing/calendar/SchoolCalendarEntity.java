package uk.safeguarding.notification.routing.calendar;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalTime;

/** A school that has a calendar of its own (its terms and closures are rows of their own). */
@MappedEntity("calendar_school")
public record SchoolCalendarEntity(@Id String organisationId, LocalTime dayStartsAt, Instant updatedAt) {
}
