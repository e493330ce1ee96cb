package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.demo.DemoDirectory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import uk.safeguarding.notification.shared.security.PersonRole;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;

/**
 * The directory as one JSON document: the body of {@code POST /api/v1/directory/import} and what
 * {@link DemoDirectory} generates. The single-item admin endpoints take and return the nested records.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectoryDocument(
        @Valid List<@NotNull Organisation> organisations,
        @Valid List<@NotNull Child> children,
        @Valid List<@NotNull Adult> adults,
        @Valid List<@NotNull HouseholdLink> householdLinks,
        @Valid List<@NotNull Person> people) {

    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    @JsonCreator
    public DirectoryDocument {
        organisations = organisations == null ? List.of() : organisations;
        children = children == null ? List.of() : children;
        adults = adults == null ? List.of() : adults;
        householdLinks = householdLinks == null ? List.of() : householdLinks;
        people = people == null ? List.of() : people;
    }

    /** A document without people. */
    public DirectoryDocument(List<Organisation> organisations, List<Child> children, List<Adult> adults,
                             List<HouseholdLink> householdLinks) {
        this(organisations, children, adults, householdLinks, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organisation(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be 1-64 letters, digits or ._:-") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationKind kind,
            @Size(max = 32) String phase,
            @Size(max = 64) String schoolNurseOrganisationId,
            @Size(max = 200) String contactName,
            @Email @Size(max = 200) String email,
            @Size(max = 50) String phone,
            @Size(max = 200) String addressLine,
            @Size(max = 16) String postcode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Identifier(@NotNull IdentifierScheme scheme, @NotBlank @Size(max = 64) String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Child(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be 1-64 letters, digits or ._:-") String id,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @PastOrPresent LocalDate dateOfBirth,
            @Size(max = 16) String postcode,
            @Valid List<@NotNull Identifier> identifiers,
            @Size(max = 64) String schoolId,
            @Size(max = 64) String gpPracticeId,
            @Size(max = 64) String healthVisitingTeamId,
            @Size(max = 64) String earlyYearsSettingId,
            @Size(max = 64) String collegeId,
            Boolean homeEducated,
            @Size(max = 64) String localAuthorityId) {

        public Child {
            identifiers = identifiers == null ? List.of() : identifiers;
        }

        /** A child linked to a school, GP and health visiting team only (no early years, college or home education). */
        public Child(String id, String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                     List<Identifier> identifiers, String schoolId, String gpPracticeId, String healthVisitingTeamId) {
            this(id, givenName, familyName, dateOfBirth, postcode, identifiers, schoolId, gpPracticeId,
                    healthVisitingTeamId, null, null, null, null);
        }

        /** Educated at home: the local authority's officer is told in place of a school. Absent means no. */
        public boolean educatedAtHome() {
            return Boolean.TRUE.equals(homeEducated);
        }

        /** The organisation of a kind linked from a child's record, by the field its declaration names; or null. */
        public String link(OrganisationKind kind) {
            Method accessor = LINK_FIELDS.get(kind);
            if (accessor == null) {
                throw new IllegalArgumentException(kind + " is not linked from a child's record");
            }
            try {
                return (String) accessor.invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        // a kind's field is named by its declaration; a kind declared without its field here fails at start
        private static final Map<OrganisationKind, Method> LINK_FIELDS = new EnumMap<>(OrganisationKind.class);

        static {
            for (OrganisationKind kind : OrganisationKind.linkedFromChild()) {
                RecordComponent field = Arrays.stream(Child.class.getRecordComponents())
                        .filter(c -> c.getName().equals(kind.link().field()) && c.getType() == String.class)
                        .findFirst().orElseThrow(() -> new IllegalStateException("The directory document's child has"
                                + " no field " + kind.link().field() + " for the organisation kind " + kind));
                LINK_FIELDS.put(kind, field.getAccessor());
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adult(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be 1-64 letters, digits or ._:-") String id,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @PastOrPresent LocalDate dateOfBirth,
            @Valid List<@NotNull Identifier> identifiers,
            @Size(max = 64) String probationDeliveryUnitId,
            @Size(max = 64) String probationCaseReference) {

        public Adult {
            identifiers = identifiers == null ? List.of() : identifiers;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HouseholdLink(
            @NotBlank @Size(max = 64) String childId,
            @NotBlank @Size(max = 64) String adultId,
            @NotNull Relationship relationship) {
    }

    /**
     * Someone at an organisation who reads its alerts (key adult, deputy) or, at a local authority, works its queues.
     * Made without a password: they are emailed a single-use link to choose one (package shared.onboarding).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be 1-64 letters, digits or ._:-") String id,
            @NotBlank @Size(max = 64) String organisationId,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull PersonRole role) {
    }

    /** How many of each were created and updated by an import. */
    public record ImportCounts(Count organisations, Count children, Count adults, Count householdLinks, Count people) {
    }

    public record Count(int created, int updated) {
    }
}
