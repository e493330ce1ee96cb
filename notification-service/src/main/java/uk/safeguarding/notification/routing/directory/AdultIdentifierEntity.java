package uk.safeguarding.notification.routing.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("adult_identifier")
public record AdultIdentifierEntity(
        @Id @GeneratedValue @Nullable Long id,
        String adultId,
        IdentifierScheme scheme,
        String value) {
}
