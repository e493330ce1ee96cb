package uk.safeguarding.notification.delivery.inbox;

import uk.safeguarding.testkit.HeadlessChromium;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.testkit.TestClock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.testkit.Axe;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The working list of children not matched, in a real headless Chromium: a local authority caseworker signs in, sees
 * twins the police could not tell apart, searches, picks the right child, and the alerts go. A school's key adult
 * sees "Check this is the right child" on an alert the matcher was not sure of. Screenshots in target/screenshots/.
 */
class UnresolvedPagesBrowserTest extends InboxTestSupport {

    private static HeadlessChromium chromium;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    private String token;
    private TestDirectory dir;

    @BeforeAll
    static void startChromium() {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        token = unique();
        dir = TestDirectory.create(token);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private String givenPerson(String organisationId, String email, PersonRole role) {
        String id = "T-P-" + unique();
        jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                        + " values (?, ?, ?, ?, ?, ?)", id, organisationId, "Cassia Testwell", email, role.name(),
                passwordEncoder.encode(PASSWORD));
        return id;
    }

    private void signIn(String email) {
        page.navigate(baseUrl() + "/inbox/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Test
    void aCaseworkerFindsTheRightTwinAndTheAlertsGoAtOnce() {
        // given twins Alexander and Alexandra at a school, an incident naming "Alex", and a caseworker
        String family = familyName("Tremayne");
        LocalDate born = TestClock.bornYearsAgo(11, 6, 21);
        given(new DirectoryDocument(dir.organisations(), List.of(
                dir.schoolChild("T-CH-T1-" + token, "Alexander", family, born, null),
                dir.schoolChild("T-CH-T2-" + token, "Alexandra", family, born, null)), null, null));
        // (a reference that starts with its force's code, as forces write them)
        IncidentReported incident = SampleIncidents.incident("TST", "TST-REF-" + token).setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Alex", family, born).setPostcode("EX1 1AA").build()))).build();
        produce(incident);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from unresolved_child where incident_id = ?", Integer.class,
                incident.getIncidentId()) == 1);
        String email = "caseworker-" + token + "@la.example";
        givenPerson(dir.gp(), email, PersonRole.UNRESOLVED_CASEWORKER);

        // when the caseworker signs in and opens the working list
        signIn(email);
        page.navigate(baseUrl() + "/inbox/unresolved");

        // then the child is listed as the police recorded it, with why and by when
        assertThat(page).hasTitle("Children not matched – Safeguarding alerts");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Alex " + family));
        assertThat(row).containsText("More than one possible child");
        assertThat(row).containsText("TST-REF-" + token);
        screenshot("10-unresolved-list");

        // when they open it
        row.getByRole(AriaRole.LINK).click();

        // then they see the police's details and both twins with scores and reasons
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Alex " + family);
        assertThat(page.locator(".summary-list")).containsText("EX1 1AA");
        assertThat(page.locator(".summary-list")).containsText("ambiguous: 2 candidates");
        // and the police reference once, not after the force's code again
        assertThat(page.locator(".summary-list")).containsText("TST-REF-" + token);
        assertThat(page.locator(".summary-list")).not().containsText("TST TST-REF");
        Locator candidates = page.locator("tr.candidate");
        assertThat(candidates.filter(new Locator.FilterOptions().setHasText("Alexander " + family))).hasCount(1);
        assertThat(candidates.filter(new Locator.FilterOptions().setHasText("Alexandra " + family))).hasCount(1);
        screenshot("11-unresolved-child");

        // when they search for Alexandra, she comes first; they choose her
        page.getByLabel("Search by name, date of birth, postcode or id").fill("Alexandra " + family + " 2015-06-21");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        assertThat(candidates.first()).containsText("Alexandra " + family);
        assertThat(candidates.first()).containsText("given name matches");
        candidates.first().getByRole(AriaRole.BUTTON).click();

        // then the alerts are sent at once and the child is resolved by them
        assertThat(page.locator(".banner--success")).containsText("alerts sent");
        assertThat(page.locator("#resolution")).containsText("T-CH-T2-" + token);
        assertThat(page.locator("#resolution")).containsText(email);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)))
                .hasCount(0);
        screenshot("12-unresolved-resolved");
        assertThat(ledgerAlerts(incident.getIncidentId()))
                .filteredOn(a -> a.getChild().getChildId().equals("T-CH-T2-" + token))
                .isNotEmpty().extracting(a -> a.getMatch().getOutcome().name()).containsOnly("CONFIRMED_BY_PERSON");

        // and the list no longer shows it
        page.navigate(baseUrl() + "/inbox/unresolved");
        assertThat(page.getByText("Alex " + family)).hasCount(0);
    }

    @Test
    void aCaseworkerCreatesTheChildFindingTheSchoolByNameAndTheGpByPostcodeWithoutTypingADirectoryId() {
        // given a school and a GP practice only their names and postcode tell apart, and a child nobody knows
        String schoolWord = familyName("Ashgrove");
        String gpPostcode = "T" + token.substring(0, 4).toUpperCase() + " 9ZZ";
        String school = "T-SCH-FIND-" + token, gp = "T-GP-FIND-" + token;
        given(new DirectoryDocument(List.of(
                new DirectoryDocument.Organisation(school, schoolWord + " Church of England Primary School",
                        OrganisationKind.SCHOOL, null, null, null, null, null, "1 School Lane", "EX2 2BB"),
                new DirectoryDocument.Organisation("T-SCH-FIND2-" + token, schoolWord + " Academy",
                        OrganisationKind.SCHOOL, null, null, null, null, null, null, "EX3 3CC"),
                new DirectoryDocument.Organisation(gp, "Riverside Surgery", OrganisationKind.GP, null, null, null, null,
                        null, "2 River Road", gpPostcode)), null, null, null));
        String family = familyName("Quillfeather");
        LocalDate born = TestClock.bornYearsAgo(8, 3, 9);
        IncidentReported incident = SampleIncidents.incident("TST", "TST-NEW-" + token).setChildren(new ArrayList<>(
                List.of(SampleIncidents.child("Wilhelmina", family, born).setPostcode("EX2 2BB").build()))).build();
        produce(incident);
        long row = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id from unresolved_child where incident_id = ?", Long.class, incident.getIncidentId()),
                ids -> ids.size() == 1).get(0);
        String email = "caseworker-new-" + token + "@la.example";
        givenPerson(gp, email, PersonRole.UNRESOLVED_CASEWORKER);
        signIn(email);
        page.navigate(baseUrl() + "/inbox/unresolved/" + row);
        page.getByLabel("Directory id for the child").fill("T-CH-NEW-" + token);

        // when they search schools by a word of the name
        page.getByLabel("Search schools").fill(schoolWord.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search schools")).click();

        // then both schools of that name are offered, with their postcodes, and what was typed is kept
        Locator schools = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("School"));
        assertThat(schools.getByRole(AriaRole.RADIO)).hasCount(3);
        assertThat(schools).containsText(schoolWord + " Church of England Primary School, EX2 2BB");
        assertThat(schools).containsText(schoolWord + " Academy, EX3 3CC");
        assertThat(page.getByLabel("Directory id for the child")).hasValue("T-CH-NEW-" + token);
        assertThat(page.getByLabel("Given name")).hasValue("Wilhelmina");
        Axe.assertNoSeriousOrCriticalViolations(page, "the create-a-child form with a search's results");
        screenshot("14-unresolved-find-school");

        // when they choose the school, then find the GP practice by its postcode (any spacing, any case)
        schools.getByLabel(schoolWord + " Church of England Primary School").check();
        page.getByLabel("Search GP practices").fill(gpPostcode.replace(" ", "").toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search GP practices")).click();

        // then the school stays chosen and the practice is offered
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("School"))
                .getByLabel(schoolWord + " Church of England Primary School")).isChecked();
        Locator gps = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("GP practice"));
        assertThat(gps).containsText("Riverside Surgery, " + gpPostcode);
        gps.getByLabel("Riverside Surgery").check();

        assertThat(gps).not().containsText("No GP practices match");

        // and a search that finds nothing says so
        page.getByLabel("Search health visiting teams").fill("no such team " + token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search health visiting teams")).click();
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Health visiting team")))
                .containsText("No health visiting teams match");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("GP practice"))
                .getByLabel("Riverside Surgery")).isChecked();
        // (the practice's own search, run again, found the one chosen: not "nothing found")
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("GP practice")))
                .not().containsText("No GP practices match");
        screenshot("15-unresolved-find-gp");

        // when they create the child
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the child and send the alerts"))
                .click();

        // then the alerts go to the school and the practice they chose
        assertThat(page.locator(".banner--success")).containsText("alerts sent");
        assertThat(page.locator("#resolution")).containsText("T-CH-NEW-" + token);
        assertThat(ledgerAlerts(incident.getIncidentId())).extracting(a -> a.getRecipient().getOrganisationId())
                .contains(school, gp);
        assertThat(jdbc.queryForMap("select school_org_id, gp_org_id from child where id = ?", "T-CH-NEW-" + token))
                .containsEntry("school_org_id", school).containsEntry("gp_org_id", gp);
    }

    @Test
    void theWorkingListIsNotFoundForAKeyAdult() {
        // given
        given(new DirectoryDocument(dir.organisations(), null, null, null));
        String email = "dsl-" + token + "@school.example";
        givenPerson(dir.school(), email, PersonRole.KEY_ADULT);

        // when
        signIn(email);
        Response response = page.navigate(baseUrl() + "/inbox/unresolved");

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Children not matched")))
                .hasCount(0);
    }

    @Test
    void anAlertTheMatcherWasNotSureOfAsksTheSchoolToCheckItIsTheRightChild() {
        // given a pupil the police misspelled (no postcode): matched for review
        String family = familyName("Pemberton");
        given(new DirectoryDocument(dir.organisations(), List.of(
                dir.schoolChild("T-CH-R-" + token, "Rosalind", family, TestClock.bornYearsAgo(10, 2, 17), null)), null, null));
        String email = "dsl-" + token + "@school.example";
        givenPerson(dir.school(), email, PersonRole.KEY_ADULT);
        IncidentReported incident = SampleIncidents.incident("TST", "REF-" + token).setChildren(new ArrayList<>(List.of(
                SampleIncidents.child("Rosalnid", family, TestClock.bornYearsAgo(10, 2, 17)).build()))).build();
        produce(incident);
        String alertId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select alert_id::text from alert_ledger where incident_id = ? and recipient_org_id = ?", String.class,
                incident.getIncidentId(), dir.school()).stream().findFirst().orElse(null), id -> id != null);
        assertThat(ledgerAlerts(incident.getIncidentId())).filteredOn(a -> a.getAlertId().equals(alertId))
                .singleElement().satisfies(a -> assertThat(a.getMatch().getOutcome().name()).isEqualTo("REVIEW"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from delivery where alert_id = ?::uuid", Integer.class, alertId) == 1);

        // when the key adult opens it
        signIn(email);
        page.navigate(baseUrl() + "/inbox/alerts/" + alertId);

        // then
        assertThat(page).hasURL(Pattern.compile(".*/inbox/alerts/" + alertId));
        assertThat(page.locator(".check-child")).containsText("Check this is the right child");
        screenshot("13-alert-check-child");
    }
}
