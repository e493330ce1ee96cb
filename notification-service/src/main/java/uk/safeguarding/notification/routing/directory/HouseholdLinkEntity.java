package uk.safeguarding.notification.routing.directory;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("household_link")
public record HouseholdLinkEntity(
        @Id String id,
        String childId,
        String adultId,
        Relationship relationship) {

    public static String idOf(String childId, String adultId) {
        return childId + "/" + adultId;
    }
}
