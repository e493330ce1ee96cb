package uk.safeguarding.notification.routing.router;

import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.RoutingReason;

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
 * A link to an organisation the directory does not hold is skipped (no alert to nobody).
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
        boolean underSchoolAge = SchoolAge.isUnderSchoolAge(child.dateOfBirth(), incidentDate);
        if (!underSchoolAge && !child.homeEducated()) {
            Optional<DirectoryView.Organisation> school = directory.organisation(child.schoolId());
            school.ifPresent(s -> {
                recipients.add(new Recipient(s, AgencyKind.SCHOOL, RoutingReason.ENROLLED_AT_SCHOOL,
                        "enrolled at school " + s.id(), s.id()));
                directory.organisation(s.schoolNurseOrganisationId()).ifPresent(n -> recipients.add(new Recipient(n,
                        AgencyKind.SCHOOL_NURSE, RoutingReason.SCHOOL_NURSE_FOR_SCHOOL,
                        "school nursing team for school " + s.id(), s.id())));
            });
        }
        if (child.homeEducated()) {
            directory.organisation(child.localAuthorityId()).ifPresent(la -> recipients.add(new Recipient(la,
                    AgencyKind.LOCAL_AUTHORITY, RoutingReason.HOME_EDUCATED,
                    "educated at home; elective home education officer of local authority " + la.id(), null)));
        }
        if (inFurtherEducationAge(child.dateOfBirth(), incidentDate)) {
            directory.organisation(child.collegeId()).ifPresent(c -> recipients.add(new Recipient(c,
                    AgencyKind.COLLEGE, RoutingReason.ENROLLED_AT_COLLEGE, "aged 16-17 and enrolled at college " + c.id(),
                    null)));
        }
        directory.organisation(child.gpPracticeId()).ifPresent(gp -> recipients.add(new Recipient(gp, AgencyKind.GP,
                RoutingReason.REGISTERED_WITH_GP, "registered with GP practice " + gp.id(), null)));
        if (underSchoolAge) {
            directory.organisation(child.healthVisitingTeamId()).ifPresent(hv -> recipients.add(new Recipient(hv,
                    AgencyKind.HEALTH_VISITING, RoutingReason.HEALTH_VISITING_UNDER_SCHOOL_AGE,
                    "under school age on the incident date; health visiting team " + hv.id(), null)));
            directory.organisation(child.earlyYearsSettingId()).ifPresent(ey -> recipients.add(new Recipient(ey,
                    AgencyKind.EARLY_YEARS, RoutingReason.ATTENDS_EARLY_YEARS_SETTING,
                    "under school age on the incident date; attends early-years setting " + ey.id(), null)));
        }
        return recipients;
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
