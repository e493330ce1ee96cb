package uk.safeguarding.ingest.submission;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON a police force submits: one revision of one incident. Mirrors the Avro {@code IncidentReported} minus the
 * platform's incident id, which is derived from force code and police reference. Every constraint here is checked
 * before anything is recorded or published, and every violation is reported at once.
 */
@CoherentTimes
@Schema(name = "IncidentSubmission", description = "One revision of a domestic abuse incident reported by a police force.")
public record IncidentSubmission(
        @Schema(description = "Code of the reporting police force, upper case.", example = "WMP", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{1,9}", message = "must be 2 to 10 upper-case letters or digits, starting with a letter")
        String forceCode,

        @Schema(description = "The force's own reference for the incident.", example = "WMP-2026-000123", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/._-]*", message = "must be letters, digits and / . _ - only, starting with a letter or digit")
        String policeReference,

        @Schema(description = "Revision of this report, from 1; a higher revision updates the incident.", defaultValue = "1", example = "1")
        @Min(1)
        Integer revision,

        @Schema(description = "When the incident happened (ISO-8601 with offset).", example = "2026-11-20T22:15:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        Instant occurredAt,

        @Schema(description = "When the force reported this revision; defaults to the time of receipt.", example = "2026-11-20T23:15:00Z")
        Instant reportedAt,

        @Valid
        Location location,

        @Schema(description = "DASH risk level assessed at the scene; UNKNOWN when not given.", defaultValue = "UNKNOWN")
        RiskLevel riskLevel,

        @Schema(description = "Brief circumstances in the officer's words.")
        @Size(max = 4000)
        String circumstances,

        @ArraySchema(schema = @Schema(implementation = Adult.class), arraySchema = @Schema(description = "Adults involved: victims, suspects and others."))
        @Size(max = 50)
        List<@Valid @NotNull Adult> adults,

        @ArraySchema(schema = @Schema(implementation = Child.class), minItems = 1,
                arraySchema = @Schema(description = "Children of the household, present or not; at least one.", requiredMode = Schema.RequiredMode.REQUIRED))
        @NotEmpty(message = "must list at least one child") @Size(max = 30)
        List<@Valid @NotNull Child> children,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Valid
        Officer attendingOfficer,

        @Schema(description = "What the officer recorded about consent to share. Informational: consent never blocks or "
                + "delays a safeguarding share.")
        @Valid
        Consent consent,

        @Schema(description = "What this revision is; REPORT when not given.", defaultValue = "REPORT")
        RevisionKind revisionKind,

        @Schema(description = "What the force says changed in this revision, if anything.")
        @Size(max = 2000)
        String revisionNote) {

    /** The fields before consent and revision kind existed: older callers and tests keep compiling. */
    public IncidentSubmission(String forceCode, String policeReference, Integer revision, Instant occurredAt,
                              Instant reportedAt, Location location, RiskLevel riskLevel, String circumstances,
                              List<Adult> adults, List<Child> children, Officer attendingOfficer) {
        this(forceCode, policeReference, revision, occurredAt, reportedAt, location, riskLevel, circumstances, adults,
                children, attendingOfficer, null, null, null);
    }

    public RevisionKind revisionKindOrDefault() {
        return revisionKind == null ? RevisionKind.REPORT : revisionKind;
    }

    /** Revision 1 unless the force says otherwise. */
    public int revisionOrDefault() {
        return revision == null ? 1 : revision;
    }

    public RiskLevel riskLevelOrDefault() {
        return riskLevel == null ? RiskLevel.UNKNOWN : riskLevel;
    }

    public List<Adult> adultsOrEmpty() {
        return adults == null ? List.of() : adults;
    }

    public List<Child> childrenOrEmpty() {
        return children == null ? List.of() : children;
    }

    @Schema(name = "IncidentLocation", description = "Where the incident happened, if recorded.")
    public record Location(
            @Size(max = 200) String addressLine,
            @Size(max = 100) String town,
            @Schema(example = "EX1 1AA") @Size(max = 10) @Pattern(regexp = UK_POSTCODE, message = "must be a UK postcode") String postcode) {
    }

    @Schema(name = "IncidentAdult", description = "An adult involved in the incident.")
    public record Adult(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 100) String givenName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 100) String familyName,
            @Past(message = "must be in the past") LocalDate dateOfBirth,
            @Schema(description = "Part played in the incident; OTHER when not given.", defaultValue = "OTHER") AdultRole role,
            @Size(max = 10) List<@Valid @NotNull Identifier> identifiers) {

        public AdultRole roleOrDefault() {
            return role == null ? AdultRole.OTHER : role;
        }

        public List<Identifier> identifiersOrEmpty() {
            return identifiers == null ? List.of() : identifiers;
        }
    }

    @Schema(name = "IncidentChild", description = "A child of the household. A child who was not present is still reported.")
    public record Child(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 100) String givenName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 100) String familyName,
            @Schema(description = "Date of birth, if known.", example = "2016-05-04") @Past(message = "must be in the past") LocalDate dateOfBirth,
            @Schema(description = "Unique pupil number, NHS number, local authority id: what lets the platform find the school and GP.")
            @Size(max = 10) List<@Valid @NotNull Identifier> identifiers,
            @Schema(description = "Postcode of the child's home, if known.", example = "EX1 1AA")
            @Size(max = 10) @Pattern(regexp = UK_POSTCODE, message = "must be a UK postcode") String postcode,
            @Schema(description = "Whether the child was present during the incident.", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull Boolean present,
            @Schema(description = "Whether an officer spoke to the child.", defaultValue = "false") Boolean spokenTo,
            @Schema(description = "The child's own words, as recorded by the officer.") @Size(max = 4000) String voiceOfChild,
            @Schema(description = "Whether another adult was there when the child was spoken to.") Boolean adultPresentWhenSpokenTo,
            @Schema(description = "Whether a welfare check on the child was made.", defaultValue = "false") Boolean welfareCheckMade) {

        public List<Identifier> identifiersOrEmpty() {
            return identifiers == null ? List.of() : identifiers;
        }
    }

    @ValidIdentifier
    @Schema(name = "PersonIdentifier", description = "A known identifier. UPN: a letter then 12 digits; NHS_NUMBER: 10 digits with a valid check digit.")
    public record Identifier(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull IdentifierScheme scheme,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "9434765919") @NotBlank @Size(max = 64) String value) {
    }

    @Schema(name = "OfficerContact", description = "How a recipient reaches the attending officer or their team.")
    public record Officer(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PC Example") @NotBlank @Size(max = 100) String name,
            @Size(max = 20) String collarNumber,
            @Schema(example = "encompass@police.example") @Size(max = 254)
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address") String email,
            @Size(max = 30) @Pattern(regexp = "[+0-9 ()-]{6,30}", message = "must be a telephone number") String phone) {
    }

    @Schema(name = "IncidentConsent", description = "Consent to share, as recorded by police.")
    public record Consent(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull ConsentStatus status,
            @Schema(description = "The officer's note on consent.") @Size(max = 2000) String note) {
    }

    public enum ConsentStatus { GIVEN, REFUSED, NOT_SOUGHT }

    public enum RevisionKind { REPORT, UPDATE, CORRECTION, NO_FURTHER_ACTION }

    public enum RiskLevel { STANDARD, MEDIUM, HIGH, UNKNOWN }

    public enum AdultRole { VICTIM, SUSPECT, OTHER }

    public enum IdentifierScheme { UPN, NHS_NUMBER, LOCAL_AUTHORITY_ID, PNC_ID, OTHER }

    /** Outward code, optional space, inward code; case-insensitive (the mapper keeps what was sent). */
    static final String UK_POSTCODE = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}";
}
