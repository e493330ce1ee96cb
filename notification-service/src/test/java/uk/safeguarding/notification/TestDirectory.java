package uk.safeguarding.notification;

import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.DirectoryDocument.Identifier;
import uk.safeguarding.notification.routing.directory.IdentifierScheme;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.time.LocalDate;
import java.util.List;

/** A small directory of one test's own: a school with its nursing team, a GP, a health visiting team, a PDU. */
public record TestDirectory(String token, String school, String nurse, String gp, String healthVisiting,
                            String probation) {

    public static TestDirectory create(String token) {
        return new TestDirectory(token, "T-SCH-" + token, "T-SN-" + token, "T-GP-" + token, "T-HV-" + token,
                "T-PDU-" + token);
    }

    public List<DirectoryDocument.Organisation> organisations() {
        return List.of(
                org(nurse, "Test School Nursing Team", OrganisationKind.SCHOOL_NURSE, null),
                org(school, "Test Primary School", OrganisationKind.SCHOOL, nurse),
                org(gp, "Test Surgery", OrganisationKind.GP, null),
                org(healthVisiting, "Test Health Visiting Team", OrganisationKind.HEALTH_VISITING, null),
                org(probation, "Test Probation Delivery Unit", OrganisationKind.PROBATION, null));
    }

    public DirectoryDocument.Child schoolChild(String id, String given, String family, LocalDate dob, String upn) {
        return new DirectoryDocument.Child(id, given, family, dob, "EX1 1AA",
                upn == null ? List.of() : List.of(new Identifier(IdentifierScheme.UPN, upn)), school, gp, healthVisiting);
    }

    public DirectoryDocument.Child toddler(String id, String given, String family, LocalDate dob) {
        return new DirectoryDocument.Child(id, given, family, dob, "EX1 1AA", List.of(), null, gp, healthVisiting);
    }

    public DirectoryDocument.Adult supervisedAdult(String id, String given, String family, LocalDate dob, String pnc) {
        return new DirectoryDocument.Adult(id, given, family, dob, List.of(new Identifier(IdentifierScheme.PNC_ID, pnc)),
                probation, "CASE-" + token);
    }

    private static DirectoryDocument.Organisation org(String id, String name, OrganisationKind kind, String nurse) {
        return new DirectoryDocument.Organisation(id, name, kind, null, nurse, "Lead", "lead@" + id.toLowerCase() + ".example",
                "01234 567890", null, "EX1 1AA");
    }
}
