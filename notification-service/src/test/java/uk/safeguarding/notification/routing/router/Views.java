package uk.safeguarding.notification.routing.router;

import uk.safeguarding.notification.shared.vocabulary.Names;

import uk.safeguarding.avro.AgencyKind;

import uk.safeguarding.notification.routing.matching.BlockingKeys;
import uk.safeguarding.notification.routing.matching.ChildDetails;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link DirectoryView} in memory, as the SQL edge would for a batch. */
final class Views {

    private final Map<String, List<String>> byKey = new HashMap<>();
    private final Map<String, ChildDetails> details = new HashMap<>();
    private final Map<String, DirectoryView.Child> children = new HashMap<>();
    private final Map<String, List<String>> adultsByPnc = new HashMap<>();
    private final Map<String, List<String>> adultsByName = new HashMap<>();
    private final Map<String, DirectoryView.Adult> adults = new HashMap<>();
    private final Map<String, DirectoryView.Organisation> orgs = new HashMap<>();

    static Views standard() {
        return new Views()
                .org("SN-1", "Nursing Team", AgencyKind.SCHOOL_NURSE, null)
                .org("SCH-1", "Primary School", AgencyKind.SCHOOL, "SN-1")
                .org("SCH-2", "School Without Nurse", AgencyKind.SCHOOL, null)
                .org("GP-1", "Surgery", AgencyKind.GP, null)
                .org("HV-1", "Health Visitors", AgencyKind.HEALTH_VISITING, null)
                .org("PDU-1", "Probation", AgencyKind.PROBATION, null);
    }

    Views org(String id, String name, AgencyKind kind, String nurse) {
        orgs.put(id, new DirectoryView.Organisation(id, name, kind, nurse));
        return this;
    }

    Views child(DirectoryView.Child child, String... identifiers) {
        return childAt(child, null, identifiers);
    }

    /** A directory child with its home postcode and identifiers ("UPN=value", "NHS_NUMBER=value"). */
    Views childAt(DirectoryView.Child child, String postcode, String... identifiers) {
        children.put(child.id(), child);
        String upn = null;
        String nhs = null;
        for (String id : identifiers) {
            String[] parts = id.split("=");
            if (parts[0].equals("UPN")) {
                upn = parts[1];
            } else if (parts[0].equals("NHS_NUMBER")) {
                nhs = parts[1];
            }
        }
        ChildDetails d = new ChildDetails(child.givenName(), child.familyName(), child.dateOfBirth(), postcode, upn, nhs);
        details.put(child.id(), d);
        for (BlockingKeys.Key key : BlockingKeys.forDirectoryChild(d)) {
            byKey.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(child.id());
        }
        return this;
    }

    Views adult(DirectoryView.Adult adult, String pnc) {
        adults.put(adult.id(), adult);
        if (pnc != null) {
            adultsByPnc.computeIfAbsent(Names.normaliseIdentifier(pnc), k -> new ArrayList<>()).add(adult.id());
        }
        String key = Names.nameAndBirthKey(adult.givenName(), adult.familyName(), adult.dateOfBirth());
        if (key != null) {
            adultsByName.computeIfAbsent(key, k -> new ArrayList<>()).add(adult.id());
        }
        return this;
    }

    DirectoryView build() {
        return new DirectoryView(byKey, details, children, adultsByPnc, adultsByName, adults, orgs);
    }
}
