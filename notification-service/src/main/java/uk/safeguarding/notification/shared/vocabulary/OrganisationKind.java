package uk.safeguarding.notification.shared.vocabulary;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.avro.RoutingReason;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of organisation the platform alerts, declared once. What the rest of notification-service knows about a
 * kind derives from its line here: the words people read, the directory link that routes a child to it (the field of
 * the directory document, the column of {@code child}, the directory change that moves it), which of a family's
 * children it hears about and why, and its deadline unless {@code notification.calendar.rules} overrides it. Its alert
 * topic is the kind's line in {@code Topics}, and the output binding and delivery's input derive from that.
 * <p>
 * A new kind is: a symbol in {@code AgencyKind.avsc} and a topic in {@code Topics}, a line here, its lines in
 * {@code policy/information-sharing.yml}, and a migration adding its link column (with the field in the directory
 * document and {@code ChildEntity}; {@code OrganisationKindDeclarationTest} names any that is missing).
 * The order of the lines is the order a child's recipients are listed in.
 */
public enum OrganisationKind {

    SCHOOL("School", Link.child("schoolId", "school_org_id", "school", DirectoryChangeKind.SCHOOL_CHANGED),
            Hears.CHILDREN_AT_SCHOOL, RoutingReason.ENROLLED_AT_SCHOOL, "enrolled at school {organisation}",
            Deadline.NEXT_SCHOOL_DAY),
    SCHOOL_NURSE("School nurse", Link.VIA_SCHOOL,
            Hears.CHILDREN_AT_SCHOOL, RoutingReason.SCHOOL_NURSE_FOR_SCHOOL, "school nursing team for school {school}",
            Deadline.NEXT_SCHOOL_DAY),
    LOCAL_AUTHORITY("Local authority",
            Link.child("localAuthorityId", "local_authority_org_id", "home-education", DirectoryChangeKind.HOME_EDUCATED),
            Hears.CHILDREN_EDUCATED_AT_HOME, RoutingReason.HOME_EDUCATED,
            "educated at home; elective home education officer of local authority {organisation}",
            Deadline.FOUR_WORKING_HOURS),
    COLLEGE("College", Link.child("collegeId", "college_org_id", "college", DirectoryChangeKind.COLLEGE_CHANGED),
            Hears.CHILDREN_OF_FURTHER_EDUCATION_AGE, RoutingReason.ENROLLED_AT_COLLEGE,
            "aged 16-17 and enrolled at college {organisation}",
            // before its next teaching day: the area's default term dates unless it has its own calendar
            Deadline.NEXT_SCHOOL_DAY),
    GP("GP", Link.child("gpPracticeId", "gp_org_id", "gp", DirectoryChangeKind.GP_REGISTERED),
            Hears.EVERY_CHILD, RoutingReason.REGISTERED_WITH_GP, "registered with GP practice {organisation}",
            Deadline.FOUR_WORKING_HOURS),
    HEALTH_VISITING("Health visiting",
            Link.child("healthVisitingTeamId", "health_visiting_org_id", "health-visiting",
                    DirectoryChangeKind.HEALTH_VISITING_CHANGED),
            Hears.CHILDREN_UNDER_SCHOOL_AGE, RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE,
            "under school age on the incident date; health visiting team {organisation}",
            Deadline.FOUR_WORKING_HOURS),
    EARLY_YEARS("Early years",
            Link.child("earlyYearsSettingId", "early_years_org_id", "early-years", DirectoryChangeKind.EARLY_YEARS_CHANGED),
            Hears.CHILDREN_UNDER_SCHOOL_AGE, RoutingReason.ATTENDS_EARLY_YEARS_SETTING,
            "under school age on the incident date; attends early-years setting {organisation}",
            Deadline.FOUR_WORKING_HOURS),
    /** Told about the children of an adult it supervises (routing's probation rule), not through a child's link. */
    PROBATION("Probation", Link.adult("probationDeliveryUnitId", "probation_org_id", "probation",
            DirectoryChangeKind.PROBATION_CASE_OPENED, DirectoryChangeKind.PROBATION_CASE_CLOSED),
            Hears.THROUGH_OTHER_RULES, null, null, Deadline.FOUR_WORKING_HOURS),
    /** Told when a concern rule fires (routing's concern rules), not through a child's link. */
    CHILDRENS_SOCIAL_CARE("Children's social care", Link.NONE,
            Hears.THROUGH_OTHER_RULES, null, null, Deadline.FOUR_WORKING_HOURS);

    /** Which of an incident's children a kind hears about through their own link, judged on the incident date. */
    public enum Hears {
        EVERY_CHILD,
        CHILDREN_UNDER_SCHOOL_AGE,
        /** School age and not educated at home. */
        CHILDREN_AT_SCHOOL,
        CHILDREN_EDUCATED_AT_HOME,
        /** 16 or 17. */
        CHILDREN_OF_FURTHER_EDUCATION_AGE,
        /** Not through a child's link: probation through the adult it supervises, social care through concern rules. */
        THROUGH_OTHER_RULES
    }

    /** A kind's default deadline for reading an alert (routing's calendar turns it into a time). */
    public enum Deadline {
        /** The start of the next school day of the school's (or the area's default) calendar. */
        NEXT_SCHOOL_DAY,
        /** Four working hours after receipt. */
        FOUR_WORKING_HOURS
    }

    /**
     * How the directory links a person to an organisation of this kind.
     *
     * @param on          whose record carries the link: a child, an adult, the child's school (its nursing team), or none
     * @param field       the field of the directory document ({@code POST /api/v1/directory}) naming the organisation
     * @param column      the column of the {@code child} or {@code adult} table holding it
     * @param changeKey   the link's name in the directory change log (kept in {@code directory_change_applied.link})
     * @param changeKinds the directory changes ({@code directory.changes}) that set the link
     */
    public record Link(On on, String field, String column, String changeKey, Set<DirectoryChangeKind> changeKinds) {

        public enum On { CHILD, ADULT, CHILDS_SCHOOL, NONE }

        static final Link VIA_SCHOOL = new Link(On.CHILDS_SCHOOL, "schoolNurseOrganisationId", "school_nurse_org_id",
                null, Set.of());
        static final Link NONE = new Link(On.NONE, null, null, null, Set.of());

        static Link child(String field, String column, String changeKey, DirectoryChangeKind changeKind) {
            return new Link(On.CHILD, field, column, changeKey, Set.of(changeKind));
        }

        static Link adult(String field, String column, String changeKey, DirectoryChangeKind... changeKinds) {
            return new Link(On.ADULT, field, column, changeKey, Set.of(changeKinds));
        }
    }

    private static final Map<AgencyKind, OrganisationKind> BY_AGENCY_KIND = new EnumMap<>(AgencyKind.class);
    private static final Map<DirectoryChangeKind, OrganisationKind> BY_CHANGE = new EnumMap<>(DirectoryChangeKind.class);

    static {
        for (OrganisationKind kind : values()) {
            BY_AGENCY_KIND.put(kind.agencyKind(), kind);
            kind.link.changeKinds().forEach(change -> BY_CHANGE.put(change, kind));
        }
    }

    private final String forPeople;
    private final Link link;
    private final Hears hears;
    private final RoutingReason reason;
    private final String detail;
    private final Deadline deadline;

    OrganisationKind(String forPeople, Link link, Hears hears, RoutingReason reason, String detail, Deadline deadline) {
        this.forPeople = forPeople;
        this.link = link;
        this.hears = hears;
        this.reason = reason;
        this.detail = detail;
        this.deadline = deadline;
    }

    /** The kind on the wire (same name); every platform topic and record speaks {@link AgencyKind}. */
    public AgencyKind agencyKind() {
        return AgencyKind.valueOf(name());
    }

    /** The kind for a wire kind; empty for UNKNOWN (a kind this reader does not know). */
    public static Optional<OrganisationKind> of(AgencyKind kind) {
        return Optional.ofNullable(kind == null ? null : BY_AGENCY_KIND.get(kind));
    }

    /** The kind whose link a directory change sets; empty for a change this reader does not know. */
    public static Optional<OrganisationKind> settingLink(DirectoryChangeKind change) {
        return Optional.ofNullable(change == null ? null : BY_CHANGE.get(change));
    }

    /** The kinds a child's own directory record links to (the columns of {@code child}), in recipient order. */
    public static List<OrganisationKind> linkedFromChild() {
        return java.util.Arrays.stream(values()).filter(k -> k.link.on() == Link.On.CHILD).toList();
    }

    /** How people write the kind ("GP", "Children's social care"): every page, export and message says it so. */
    public String forPeople() {
        return forPeople;
    }

    public Link link() {
        return link;
    }

    public Hears hears() {
        return hears;
    }

    /** Why a child's alert goes to this kind, for the alert's routing reason; null for kinds routed by other rules. */
    public RoutingReason reason() {
        return reason;
    }

    /**
     * The routing detail for one recipient, in words without personal data.
     *
     * @param organisationId the recipient
     * @param schoolId       the child's school, for a kind linked through it
     */
    public String detail(String organisationId, String schoolId) {
        return detail == null ? null : detail.replace("{organisation}", String.valueOf(organisationId))
                .replace("{school}", String.valueOf(schoolId));
    }

    public Deadline deadline() {
        return deadline;
    }
}
