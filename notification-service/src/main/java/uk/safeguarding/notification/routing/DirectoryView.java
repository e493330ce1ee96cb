package uk.safeguarding.notification.routing;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.matching.ChildDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the routing decision needs to know of the directory for one batch of incidents: the candidate children found
 * under the incident children's blocking keys (key text "KIND:value" to directory ids, with each candidate's details
 * for scoring), the adults found by identifier and by name and date of birth, and the organisations they link to.
 * Built at the edge (SQL), read here.
 */
public record DirectoryView(
        Map<String, List<String>> childIdsByKey,
        Map<String, ChildDetails> childDetails,
        Map<String, Child> children,
        Map<String, List<String>> adultIdsByPnc,
        Map<String, List<String>> adultIdsByNameAndBirth,
        Map<String, Adult> adults,
        Map<String, Organisation> organisations) {

    public Optional<Organisation> organisation(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(organisations.get(id));
    }

    public record Child(String id, String givenName, String familyName, LocalDate dateOfBirth,
                       String schoolId, String gpPracticeId, String healthVisitingTeamId) {
    }

    public record Adult(String id, String givenName, String familyName, LocalDate dateOfBirth,
                        String probationDeliveryUnitId, String probationCaseReference) {
    }

    public record Organisation(String id, String name, AgencyKind kind, String schoolNurseOrganisationId) {
    }
}
