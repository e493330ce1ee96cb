package uk.safeguarding.notification.routing.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("child")
public record ChildEntity(
        @Id String id,
        String givenName,
        String familyName,
        String normalisedName,
        LocalDate dateOfBirth,
        @Nullable String postcode,
        @Nullable String schoolOrgId,
        @Nullable String gpOrgId,
        @Nullable String healthVisitingOrgId,
        @Nullable String earlyYearsOrgId,
        @Nullable String collegeOrgId,
        boolean homeEducated,
        @Nullable String localAuthorityOrgId,
        Instant updatedAt) {
}
