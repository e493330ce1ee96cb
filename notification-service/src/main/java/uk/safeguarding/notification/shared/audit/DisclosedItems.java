package uk.safeguarding.notification.shared.audit;

import org.apache.avro.Schema;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AlertChild;
import uk.safeguarding.avro.Disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of what an alert can disclose, shared by the sharing policy (routing: what may be told) and the disclosure
 * audit (both modules: what was told): the fields of {@link Disclosure} and these alert-level items.
 */
public final class DisclosedItems {

    /** Alert-level item: the children of the household. */
    public static final String HOUSEHOLD_CHILDREN = "householdChildren";
    /** Alert-level item: the family's recent incidents. */
    public static final String FAMILY_HISTORY = "familyHistory";
    /** Audit names of the child's identity, sent to every listed kind (not policy items). */
    public static final String CHILD_NAME = "childName";
    public static final String CHILD_DATE_OF_BIRTH = "childDateOfBirth";

    private DisclosedItems() {
    }

    /** The names of the items an alert actually discloses (set, non-empty), for the audit trail. */
    public static List<String> of(AgencyAlert alert) {
        List<String> names = new ArrayList<>();
        AlertChild child = alert.getChild();
        if (child != null && child.getGivenName() != null && !child.getGivenName().isEmpty()) {
            names.add(CHILD_NAME);
        }
        if (child != null && child.getDateOfBirth() != null) {
            names.add(CHILD_DATE_OF_BIRTH);
        }
        Disclosure d = alert.getDisclosed();
        if (d != null) {
            for (Schema.Field f : Disclosure.getClassSchema().getFields()) {
                if (d.get(f.pos()) != null) {
                    names.add(f.name());
                }
            }
        }
        if (alert.getHouseholdChildren() != null && !alert.getHouseholdChildren().isEmpty()) {
            names.add(HOUSEHOLD_CHILDREN);
        }
        if (alert.getFamilyHistory() != null) {
            names.add(FAMILY_HISTORY);
        }
        return names;
    }
}
