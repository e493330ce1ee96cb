package uk.safeguarding.notification.demo;

import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.demo.DemoDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo inbox accounts, for the local run and demos only (seeded by {@link DemoInboxAccountsSeeder} when
 * {@code notification.demo-directory=true}): for each demo school a key adult ({@code dsl@<school>.example}) and a
 * deputy ({@code deputy@<school>.example}); one person for every other demo organisation
 * ({@code safeguarding@<organisation>.example}); an operations person ({@code operations@platform.example}) at the
 * platform's operations organisation, which receives no alerts; and, at the local authority, a directory admin
 * ({@code directory-admin@<local authority>.example}) and a caseworker of the unresolved-children queue
 * ({@code unresolved@<local authority>.example}), so every page and API can be tried.
 * Every demo account has the password {@link #PASSWORD}. All names are invented.
 *
 * <p>The local run can print them: {@code DemoSignIns.describe("http://localhost:8082")}.
 */
public final class DemoSignIns {

    /** The one documented demo password. Demo accounts exist only with the demo directory, never in production. */
    public static final String PASSWORD = "demo-password";

    /**
     * Operations staff work for the platform, not for an organisation that receives alerts: the demo binds them to
     * {@link DemoDirectory#PLATFORM_OPERATIONS}, which never does, so the operations role sees counts, states and
     * identifiers and no alert's content. (Until that organisation was added they were bound to the local authority.)
     */
    public static final String OPERATIONS_EMAIL = "operations@platform.example";

    private static final List<String> GIVEN = List.of("Alex", "Jordan", "Sam", "Robin", "Charlie", "Morgan", "Jamie",
            "Taylor", "Casey", "Riley", "Avery", "Rowan", "Kit", "Ellis", "Frankie", "Harper");
    private static final List<String> FAMILY = List.of("Ashcombe", "Bellamy", "Corrigan", "Delacey", "Eversley",
            "Fairbairn", "Gatliffe", "Holloway", "Inchley", "Jarrold", "Kingsley", "Lanyon", "Merriman", "Norbury",
            "Ormsby", "Penhallow");

    /** One demo sign-in: the e-mail to sign in with, who it is, and the organisation whose alerts it sees. */
    public record SignIn(String personId, String email, String displayName, PersonRole role, String organisationId,
                         String organisationName) {
    }

    private DemoSignIns() {
    }

    /** Every demo sign-in, in the order of the demo directory's organisations. */
    public static List<SignIn> list() {
        List<SignIn> signIns = new ArrayList<>();
        int n = 0;
        DirectoryDocument.Organisation localAuthority = null;
        List<DirectoryDocument.Organisation> probationUnits = new ArrayList<>();
        DirectoryDocument.Organisation platform = null;
        for (DirectoryDocument.Organisation org : DemoDirectory.organisations()) {
            if (org.id().equals(DemoDirectory.PLATFORM_OPERATIONS)) {
                platform = org; // its one person is operations, below: every earlier account keeps its name
                continue;
            }
            String slug = slug(org.name());
            if (org.kind() == OrganisationKind.SCHOOL) {
                signIns.add(new SignIn("P-" + org.id() + "-DSL", "dsl@" + slug + ".example", name(n++),
                        PersonRole.KEY_ADULT, org.id(), org.name()));
                signIns.add(new SignIn("P-" + org.id() + "-DEPUTY", "deputy@" + slug + ".example", name(n++),
                        PersonRole.DEPUTY, org.id(), org.name()));
            } else {
                PersonRole role = org.kind() == OrganisationKind.LOCAL_AUTHORITY
                        ? PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD : PersonRole.KEY_ADULT;
                signIns.add(new SignIn("P-" + org.id() + "-LEAD", "safeguarding@" + slug + ".example", name(n++),
                        role, org.id(), org.name()));
                if (org.kind() == OrganisationKind.LOCAL_AUTHORITY) {
                    localAuthority = org;
                }
                if (org.kind() == OrganisationKind.PROBATION) {
                    probationUnits.add(org);
                }
            }
        }
        if (localAuthority != null) {
            String slug = slug(localAuthority.name());
            DirectoryDocument.Organisation operations = platform != null ? platform : localAuthority;
            signIns.add(new SignIn("P-OPERATIONS", OPERATIONS_EMAIL, name(n++), PersonRole.OPERATIONS,
                    operations.id(), operations.name()));
            signIns.add(new SignIn("P-DIRECTORY-ADMIN", "directory-admin@" + slug + ".example", name(n++),
                    PersonRole.DIRECTORY_ADMIN, localAuthority.id(), localAuthority.name()));
            signIns.add(new SignIn("P-UNRESOLVED-CASEWORKER", "unresolved@" + slug + ".example", name(n),
                    PersonRole.UNRESOLVED_CASEWORKER, localAuthority.id(), localAuthority.name()));
        }
        // a probation unit's deputy hears of an answer about the children not given in time (listed last: the
        // earlier accounts keep their names)
        for (DirectoryDocument.Organisation unit : probationUnits) {
            signIns.add(new SignIn("P-" + unit.id() + "-DEPUTY", "deputy@" + slug(unit.name()) + ".example", name(++n),
                    PersonRole.DEPUTY, unit.id(), unit.name()));
        }
        return List.copyOf(signIns);
    }

    /** Lines for a console: the inbox URL, the password, and each sign-in with its organisation and role. */
    public static String describe(String notificationServiceBaseUrl) {
        StringBuilder out = new StringBuilder();
        out.append("Secure inbox: ").append(notificationServiceBaseUrl).append("/inbox/sign-in")
                .append("   (demo password for every account: ").append(PASSWORD).append(")\n");
        for (SignIn s : list()) {
            out.append(String.format("    %-58s %-31s %s%n", s.email(), s.role(), s.organisationName()));
        }
        return out.toString();
    }

    /** "St Aidan's CofE Primary School" -> "st-aidans-cofe-primary-school". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    private static String name(int n) {
        return GIVEN.get(n % GIVEN.size()) + " " + FAMILY.get((n * 7) % FAMILY.size());
    }
}
