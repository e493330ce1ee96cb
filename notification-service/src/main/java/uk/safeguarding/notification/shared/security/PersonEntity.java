package uk.safeguarding.notification.shared.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Someone who signs in, bound to one organisation and one role. */
@MappedEntity("person")
public record PersonEntity(
        @Id String id,
        String organisationId,
        String displayName,
        String email,
        PersonRole role,
        @Nullable String passwordHash) {
}
