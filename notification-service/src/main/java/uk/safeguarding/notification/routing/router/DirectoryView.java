package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.routing.matching.ChildDetails;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
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
     * A directory child and the organisations its own record links it to, by kind (the kinds
     * {@link OrganisationKind#linkedFromChild()}: school, local authority, college, GP, health visiting, early years),
     * and whether it is educated at home (then the local authority's officer is told in place of a school).
     */
    public record Child(String id, String givenName, String familyName, LocalDate dateOfBirth,
                       Map<OrganisationKind, String> links, boolean homeEducated) {

        public Child {
            EnumMap<OrganisationKind, String> copy = new EnumMap<>(OrganisationKind.class);
            links.forEach((kind, organisationId) -> {
                if (organisationId != null) {
                    copy.put(kind, organisationId);
                }
            });
            links = Collections.unmodifiableMap(copy);
        }

        /** The organisation of this kind the child's record names, or null. */
        public String link(OrganisationKind kind) {
            return links.get(kind);
        }

        /** A child linked to a school, a GP practice and a health visiting team (any may be null). */
        public Child(String id, String givenName, String familyName, LocalDate dateOfBirth,
                     String schoolId, String gpPracticeId, String healthVisitingTeamId) {
            this(id, givenName, familyName, dateOfBirth, schoolId, gpPracticeId, healthVisitingTeamId, null, null,
                    false, null);
        }

        /** A child with every link a child's record can have (any may be null). */
        public Child(String id, String givenName, String familyName, LocalDate dateOfBirth,
                     String schoolId, String gpPracticeId, String healthVisitingTeamId,
                     String earlyYearsSettingId, String collegeId, boolean homeEducated, String localAuthorityId) {
            this(id, givenName, familyName, dateOfBirth, linksOf(schoolId, gpPracticeId, healthVisitingTeamId,
                    earlyYearsSettingId, collegeId, localAuthorityId), homeEducated);
        }

        private static Map<OrganisationKind, String> linksOf(String school, String gp, String healthVisiting,
                                                             String earlyYears, String college, String localAuthority) {
            Map<OrganisationKind, String> links = new EnumMap<>(OrganisationKind.class);
            links.put(OrganisationKind.SCHOOL, school);
            links.put(OrganisationKind.GP, gp);
            links.put(OrganisationKind.HEALTH_VISITING, healthVisiting);
            links.put(OrganisationKind.EARLY_YEARS, earlyYears);
            links.put(OrganisationKind.COLLEGE, college);
            links.put(OrganisationKind.LOCAL_AUTHORITY, localAuthority);
            return links;
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
