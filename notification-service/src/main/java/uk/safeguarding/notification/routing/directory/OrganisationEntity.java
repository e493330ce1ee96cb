package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("organisation")
public record OrganisationEntity(
        @Id String id,
        String name,
        OrganisationKind kind,
        @Nullable String phase,
        @Nullable String schoolNurseOrgId,
        @Nullable String contactName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String addressLine,
        @Nullable String postcode,
        Instant updatedAt) {
}
