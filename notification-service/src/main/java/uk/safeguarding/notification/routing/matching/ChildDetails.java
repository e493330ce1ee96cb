package uk.safeguarding.notification.routing.matching;

import java.time.LocalDate;

/**
 * What is known of a child for matching: names as written, date of birth and postcode when known (null otherwise),
 * and the identifiers when known (null or blank otherwise). Used both for the child an incident names and for a
 * directory child.
 */
public record ChildDetails(String givenName, String familyName, LocalDate dateOfBirth, String postcode, String upn,
                           String nhsNumber) {

    public static ChildDetails of(String givenName, String familyName, LocalDate dateOfBirth, String postcode) {
        return new ChildDetails(givenName, familyName, dateOfBirth, postcode, null, null);
    }

    public ChildDetails withIdentifiers(String upn, String nhsNumber) {
        return new ChildDetails(givenName, familyName, dateOfBirth, postcode, upn, nhsNumber);
    }
}
