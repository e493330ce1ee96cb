package uk.safeguarding.notification.shared.vocabulary;

import uk.safeguarding.avro.AgencyKind;

import java.util.Locale;

/**
 * Each kind of organisation as people write it ("GP", "Children's social care"), from its declaration
 * ({@link OrganisationKind}): every page, export and message that shows a kind takes its words from here, never from
 * the enum's name.
 */
public final class OrganisationKindNames {

    private OrganisationKindNames() {
    }

    public static String forPeople(AgencyKind kind) {
        return OrganisationKind.of(kind).map(OrganisationKind::forPeople).orElse("Unknown");
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
