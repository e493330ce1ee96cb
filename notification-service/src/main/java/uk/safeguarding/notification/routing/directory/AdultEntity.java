package uk.safeguarding.notification.routing.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("adult")
public record AdultEntity(
        @Id String id,
        String givenName,
        String familyName,
        String normalisedName,
        @Nullable LocalDate dateOfBirth,
        @Nullable String probationOrgId,
        @Nullable String probationCaseReference,
        Instant updatedAt) {
}
