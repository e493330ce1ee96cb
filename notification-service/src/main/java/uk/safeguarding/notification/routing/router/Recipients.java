package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.RoutingReason;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind.Link;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is told about one child, by the child's age on the incident date and the settings the directory links them to.
 * Each child is seen in their own right, not as part of the victim's case:
 * <ul>
 * <li>under school age: the health visiting team, and the early-years setting (nursery, childminder) where linked;</li>
 * <li>school age: the school and the school's nursing team, unless the child is educated at home;</li>
 * <li>educated at home: the local authority's officer (the authority linked to the child) in place of a school;</li>
 * <li>16 or 17 and enrolled at a college: the college;</li>
 * <li>every child: the GP practice they are registered with.</li>
 * </ul>
 * Which kind hears about which child, and through which link, is each kind's declaration ({@link OrganisationKind}):
 * this applies it. A link to an organisation the directory does not hold is skipped (no alert to nobody).
 */
public final class Recipients {

    /** Further education: from the 16th birthday. */
    static final int FURTHER_EDUCATION_AGE = 16;

    private Recipients() {
    }

    /**
     * One recipient of a child's alert.
     *
     * @param calendarOrganisationId the school whose calendar sets the deadline (school and school nurse), else null
     *                               (the recipient's own)
     */
    public record Recipient(DirectoryView.Organisation organisation, AgencyKind kind, RoutingReason reason,
                            String detail, String calendarOrganisationId) {
    }

    public static List<Recipient> forChild(DirectoryView.Child child, LocalDate incidentDate, DirectoryView directory) {
        List<Recipient> recipients = new ArrayList<>();
        // once per child, not per kind: this runs for every child of every incident routed
        boolean underSchoolAge = SchoolAge.isUnderSchoolAge(child.dateOfBirth(), incidentDate);
        String schoolId = child.link(OrganisationKind.SCHOOL);
        for (OrganisationKind kind : OrganisationKind.values()) {
            if (!hears(kind.hears(), child, underSchoolAge, incidentDate)) {
                continue;
            }
            Optional<DirectoryView.Organisation> recipient = switch (kind.link().on()) {
                case CHILD -> directory.organisation(child.link(kind));
                case CHILDS_SCHOOL -> directory.organisation(schoolId)
                        .flatMap(school -> directory.organisation(school.schoolNurseOrganisationId()));
                case ADULT, NONE -> Optional.empty();
            };
            // the school's calendar sets the deadline of the school and of those linked through it
            boolean bySchoolCalendar = kind == OrganisationKind.SCHOOL || kind.link().on() == Link.On.CHILDS_SCHOOL;
            recipient.ifPresent(o -> recipients.add(new Recipient(o, kind.agencyKind(), kind.reason(),
                    kind.detail(o.id(), schoolId), bySchoolCalendar ? schoolId : null)));
        }
        return recipients;
    }

    /** Whether a child is one a kind hears about through the child's own links, on the incident date. */
    static boolean hears(OrganisationKind.Hears hears, DirectoryView.Child child, boolean underSchoolAge,
                         LocalDate incidentDate) {
        return switch (hears) {
            case EVERY_CHILD -> true;
            case CHILDREN_UNDER_SCHOOL_AGE -> underSchoolAge;
            case CHILDREN_AT_SCHOOL -> !underSchoolAge && !child.homeEducated();
            case CHILDREN_EDUCATED_AT_HOME -> child.homeEducated();
            case CHILDREN_OF_FURTHER_EDUCATION_AGE -> inFurtherEducationAge(child.dateOfBirth(), incidentDate);
            case THROUGH_OTHER_RULES -> false;
        };
    }

    /** 16 or 17 on the incident date (a college link outside that age is stale or wrong: not used). */
    static boolean inFurtherEducationAge(LocalDate dateOfBirth, LocalDate date) {
        if (dateOfBirth == null) {
            return false;
        }
        int age = Period.between(dateOfBirth, date).getYears();
        return age >= FURTHER_EDUCATION_AGE && age < 18;
    }
}
