package uk.safeguarding.notification.shared.vocabulary;

import uk.safeguarding.avro.AgencyKind;

import java.util.Locale;

/**
 * The one place that names each kind of organisation for people ("GP", "Children's social care"): every page, export
 * and message that shows a kind takes its words from here, never from the enum's name. A new kind does not compile
 * until it is named here.
 */
public final class OrganisationKindNames {

    private OrganisationKindNames() {
    }

    public static String forPeople(AgencyKind kind) {
        if (kind == null) {
            return "Unknown";
        }
        return switch (kind) {
            case SCHOOL -> "School";
            case SCHOOL_NURSE -> "School nurse";
            case GP -> "GP";
            case HEALTH_VISITING -> "Health visiting";
            case PROBATION -> "Probation";
            case LOCAL_AUTHORITY -> "Local authority";
            case CHILDRENS_SOCIAL_CARE -> "Children's social care";
            case EARLY_YEARS -> "Early years";
            case COLLEGE -> "College";
            case UNKNOWN -> "Unknown";
        };
    }

    /** A kind as stored ("CHILDRENS_SOCIAL_CARE"); a name no kind has is shown as "Unknown". */
    public static String forPeople(String kindName) {
        if (kindName == null || kindName.isBlank()) {
            return forPeople((AgencyKind) null);
        }
        try {
            return forPeople(AgencyKind.valueOf(kindName.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return forPeople(AgencyKind.UNKNOWN);
        }
    }
}
