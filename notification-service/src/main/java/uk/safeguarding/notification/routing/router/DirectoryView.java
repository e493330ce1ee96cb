package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.routing.matching.ChildDetails;

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

    /**
     * A directory child and the services linked to it: school, GP, health visiting team, early-years setting,
     * college, and for a child educated at home the local authority whose officer is told.
     */
    public record Child(String id, String givenName, String familyName, LocalDate dateOfBirth,
                       String schoolId, String gpPracticeId, String healthVisitingTeamId,
                       String earlyYearsSettingId, String collegeId, boolean homeEducated, String localAuthorityId) {

        public Child(String id, String givenName, String familyName, LocalDate dateOfBirth,
                     String schoolId, String gpPracticeId, String healthVisitingTeamId) {
            this(id, givenName, familyName, dateOfBirth, schoolId, gpPracticeId, healthVisitingTeamId, null, null,
                    false, null);
        }
    }

    /**
     * A directory adult; for one supervised by probation, the children linked to them through a household (not
     * matching candidates: police may not have named them), so probation hears of every child at home.
     */
    public record Adult(String id, String givenName, String familyName, LocalDate dateOfBirth,
                        String probationDeliveryUnitId, String probationCaseReference, List<Child> householdChildren) {

        public Adult {
            householdChildren = householdChildren == null ? List.of() : List.copyOf(householdChildren);
        }

        public Adult(String id, String givenName, String familyName, LocalDate dateOfBirth,
                     String probationDeliveryUnitId, String probationCaseReference) {
            this(id, givenName, familyName, dateOfBirth, probationDeliveryUnitId, probationCaseReference, List.of());
        }
    }

    public record Organisation(String id, String name, AgencyKind kind, String schoolNurseOrganisationId) {
    }
}
