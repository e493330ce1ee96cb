package uk.safeguarding.notification.shared.web;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKindNames;
import uk.safeguarding.notification.shared.vocabulary.PoliceReferences;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The page templates' view of {@link InboxTime}, {@link OrganisationKindNames} and {@link PoliceReferences}
 * (templates call instance methods, not static ones).
 */
public final class InboxFormat {

    public static final InboxFormat INSTANCE = new InboxFormat();

    public String dateTime(Instant instant) {
        return InboxTime.dateTime(instant);
    }

    public String shortDateTime(Instant instant) {
        return InboxTime.shortDateTime(instant);
    }

    public String date(LocalDate date) {
        return InboxTime.date(date);
    }

    public String iso(Instant instant) {
        return InboxTime.iso(instant);
    }

    public String isoDate(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** A kind of organisation in people's words ("GP", "Children's social care"). */
    public String kind(Object kind) {
        return kind == null ? OrganisationKindNames.forPeople((String) null) : OrganisationKindNames.forPeople(kind.toString());
    }

    /** The police reference as police write it, shown once ("EXP-2026-1", never "EXP EXP-2026-1"). */
    public String policeReference(String forceCode, String reference) {
        return PoliceReferences.display(forceCode, reference);
    }
}
