package uk.safeguarding.notification.routing.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("child_identifier")
public record ChildIdentifierEntity(
        @Id @GeneratedValue @Nullable Long id,
        String childId,
        IdentifierScheme scheme,
        String value) {
}
