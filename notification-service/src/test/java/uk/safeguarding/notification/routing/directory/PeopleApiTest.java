package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.delivery.dispatch.TestMailServer;
import uk.safeguarding.notification.shared.onboarding.InvitationTokens;
import uk.safeguarding.notification.shared.onboarding.Invitations;
import uk.safeguarding.notification.shared.security.PersonRole;
import uk.safeguarding.testkit.TestClock;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People of an organisation through the directory API and its import: each new key adult or deputy is sent a
 * single-use invitation by email, carrying a link and never a password; the token is kept only as a hash, works once
 * and until it expires. Operations see the organisations nobody can read alerts for.
 */
class PeopleApiTest extends IntegrationTestSupport {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/inbox/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    private Invitations invitations;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private OrganisationsWithoutPeopleQuery.Gauges gauges;

    private TestRestTemplate admin;
    private String token;
    private TestDirectory dir;

    @BeforeEach
    void givenADirectoryAdminAndOrganisationsWithoutPeople() {
        admin = api(PersonRole.DIRECTORY_ADMIN);
        token = unique();
        dir = TestDirectory.create(token);
        given(new DirectoryDocument(dir.organisations(), null, null, null));
    }

    private ResponseEntity<Map<String, Object>> send(TestRestTemplate http, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
        });
    }

    private static MimeMessage awaitOneEmailTo(String email) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.messagesTo(email), m -> !m.isEmpty())
                .get(0);
    }

    private static String tokenIn(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("an invitation link in: " + body).isTrue();
        return m.group(1);
    }

    @Test
    void theImportMakesPeopleAndEmailsEachALinkToChooseTheirPasswordNeverAPassword() {
        // given a school's key adult and deputy in a directory import
        String dsl = "dsl-" + token + "@test-school.example", deputy = "deputy-" + token + "@test-school.example";
        DirectoryDocument document = new DirectoryDocument(null, null, null, null, List.of(
                new DirectoryDocument.Person("T-P-DSL-" + token, dir.school(), "Imogen Testwell", dsl, PersonRole.KEY_ADULT),
                new DirectoryDocument.Person("T-P-DEP-" + token, dir.school(), "Rufus Testwell", deputy.toUpperCase(),
                        PersonRole.DEPUTY)));

        // when it is imported
        ResponseEntity<Map<String, Object>> imported = send(admin, HttpMethod.POST, "/api/v1/directory/import", document);

        // then both are made, without a password, and invited
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("people")).isEqualTo(Map.of("created", 2, "updated", 0));
        assertThat(jdbc.queryForList("select password_hash from person where organisation_id = ?", String.class,
                dir.school())).hasSize(2).containsOnlyNulls();
        ResponseEntity<List<Map<String, Object>>> listed = admin.exchange("/api/v1/directory/organisations/"
                + dir.school() + "/people", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(listed.getBody()).extracting(p -> p.get("email")).containsExactly(dsl, deputy);
        assertThat(listed.getBody()).extracting(p -> p.get("status")).containsOnly("INVITED");

        // and each gets an email with a link and no password
        MimeMessage email = awaitOneEmailTo(dsl);
        String body = TestMailServer.body(email);
        assertThat(TestMailServer.subject(email)).isEqualTo("Set up your account for safeguarding alerts");
        assertThat(body).contains("Hello Imogen Testwell", "as the key adult", "Test Primary School",
                "Choose your password", "The link works once, until");
        // no password of any kind: none set, none chosen for them, none in the text
        assertThat(body).doesNotContainPattern("(?i)(your|temporary|initial|one-time) password (is|:)")
                .doesNotContainPattern("(?i)password:");
        String link = tokenIn(body);
        assertThat(TestMailServer.body(awaitOneEmailTo(deputy))).contains("as a deputy safeguarding lead");

        // and the database keeps the token's hash only, expiring seven days on from the platform clock
        Map<String, Object> row = jdbc.queryForMap("select token_hash, expires_at, created_at, mail_status"
                + " from person_invitation where person_id = ?", "T-P-DSL-" + token);
        assertThat(row.get("token_hash")).isEqualTo(InvitationTokens.hash(link)).isNotEqualTo(link);
        assertThat(jdbc.queryForObject("select count(*) from person_invitation where token_hash = ?", Integer.class,
                link)).isZero();
        assertThat(Duration.between(((Timestamp) row.get("created_at")).toInstant(),
                ((Timestamp) row.get("expires_at")).toInstant())).isEqualTo(Duration.ofDays(7));
        assertThat(((Timestamp) row.get("created_at")).toInstant())
                .isBetween(TestClock.now().minusSeconds(60), TestClock.now().plusSeconds(1));
        assertThat(row.get("mail_status")).isEqualTo("SENT");

        // when imported again, nobody is made twice and no second invitation is sent
        ResponseEntity<Map<String, Object>> again = send(admin, HttpMethod.POST, "/api/v1/directory/import", document);
        assertThat(again.getBody().get("people")).isEqualTo(Map.of("created", 0, "updated", 2));
        assertThat(jdbc.queryForObject("select count(*) from person_invitation i join person p on p.id = i.person_id"
                + " where p.organisation_id = ?", Integer.class, dir.school())).isEqualTo(2);
    }

    @Test
    void aPersonAddedOneByOneIsInvitedAndANewInvitationReplacesTheOldLink() {
        // given
        String email = "gp-lead-" + token + "@test-surgery.example";
        DirectoryDocument.Person person = new DirectoryDocument.Person("T-P-GP-" + token, dir.gp(), "Dr Ada Testwell",
                email, PersonRole.KEY_ADULT);

        // when the person is created through the API
        ResponseEntity<Map<String, Object>> created = send(admin, HttpMethod.POST, "/api/v1/directory/people", person);

        // then they are invited
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/directory/people/" + person.id());
        assertThat(created.getBody()).containsEntry("status", "INVITED").containsEntry("role", "KEY_ADULT");
        assertThat(send(admin, HttpMethod.POST, "/api/v1/directory/people", person).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        String first = tokenIn(TestMailServer.body(awaitOneEmailTo(email)));
        assertThat(invitations.check(first)).isInstanceOf(Invitations.Valid.class);

        // when a new invitation is sent, the first link stops working and the new one works
        ResponseEntity<Map<String, Object>> resent = send(admin, HttpMethod.POST,
                "/api/v1/directory/people/" + person.id() + "/invitation", null);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        List<MimeMessage> both = await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.messagesTo(email), m -> m.size() == 2);
        String second = tokenIn(TestMailServer.body(both.get(1)));
        assertThat(second).isNotEqualTo(first);
        assertThat(invitations.check(first)).isEqualTo(new Invitations.Refused(Invitations.Why.REPLACED));
        assertThat(invitations.check(second)).isInstanceOf(Invitations.Valid.class);

        // and removing the person removes their invitations
        assertThat(send(admin, HttpMethod.DELETE, "/api/v1/directory/people/" + person.id(), null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(invitations.check(second)).isEqualTo(new Invitations.Refused(Invitations.Why.UNKNOWN));
    }

    @Test
    void platformRolesAnotherPersonsEmailAndLocalAuthorityRolesElsewhereAreRefused() {
        // given a person who already signs in
        String taken = apiAccount(dir.school(), PersonRole.KEY_ADULT);

        // when
        ResponseEntity<Map<String, Object>> refused = send(admin, HttpMethod.POST, "/api/v1/directory/import",
                new DirectoryDocument(null, null, null, null, List.of(
                        new DirectoryDocument.Person("T-P-OPS-" + token, dir.school(), "Ops", "ops-" + token
                                + "@x.example", PersonRole.OPERATIONS),
                        new DirectoryDocument.Person("T-P-DUP-" + token, dir.school(), "Dup", taken, PersonRole.DEPUTY),
                        new DirectoryDocument.Person("T-P-LA-" + token, dir.school(), "Lead", "la-" + token
                                + "@x.example", PersonRole.LA_EDUCATION_SAFEGUARDING_LEAD),
                        new DirectoryDocument.Person("T-P-NO-" + token, "T-NOWHERE-" + token, "Nobody", "no-" + token
                                + "@x.example", PersonRole.KEY_ADULT))));
        String operations = jdbc.queryForObject("select id from person where role = 'OPERATIONS' limit 1",
                String.class);
        ResponseEntity<Map<String, Object>> takeover = send(admin, HttpMethod.PUT, "/api/v1/directory/people/"
                + operations, new DirectoryDocument.Person(operations, dir.school(), "Taken over", "t2-" + token
                + "@x.example", PersonRole.KEY_ADULT));

        // then nothing is made, and every problem is named
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        List<String> fields = ((List<Map<String, String>>) refused.getBody().get("errors")).stream()
                .map(e -> e.get("field")).toList();
        assertThat(fields).contains("people[0].role", "people[1].email", "people[2].role", "people[3].organisationId");
        assertThat(jdbc.queryForObject("select count(*) from person where id like ?", Integer.class,
                "T-P-%-" + token)).isZero();
        assertThat(takeover.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select role from person where id = ?", String.class, operations))
                .isEqualTo("OPERATIONS");
    }

    @Test
    void aLinkWorksOnceAndNotAfterItExpires() {
        // given two invited deputies
        for (String who : List.of("once", "late")) {
            send(admin, HttpMethod.POST, "/api/v1/directory/people", new DirectoryDocument.Person(
                    "T-P-" + who + "-" + token, dir.school(), "Deputy " + who, who + "-" + token + "@test.example",
                    PersonRole.DEPUTY));
        }
        String once = tokenIn(TestMailServer.body(awaitOneEmailTo("once-" + token + "@test.example")));
        String late = tokenIn(TestMailServer.body(awaitOneEmailTo("late-" + token + "@test.example")));

        // when the first link is used, it sets the password once
        assertThat(invitations.redeem(once, passwordEncoder.encode("first choice of words"))).isInstanceOf(
                Invitations.Valid.class);
        assertThat(invitations.redeem(once, passwordEncoder.encode("second choice of words")))
                .isEqualTo(new Invitations.Refused(Invitations.Why.USED));
        String hash = jdbc.queryForObject("select password_hash from person where id = ?", String.class,
                "T-P-once-" + token);
        assertThat(passwordEncoder.matches("first choice of words", hash)).isTrue();

        // when the second has expired (made more than seven days before the platform's now)
        jdbc.update("update person_invitation set created_at = ?, expires_at = ? where token_hash = ?",
                Timestamp.from(TestClock.now().minus(Duration.ofDays(8))),
                Timestamp.from(TestClock.now().minus(Duration.ofDays(1))), InvitationTokens.hash(late));

        // then it is refused, and the page says so; so does the used one, and a made-up one
        assertThat(invitations.redeem(late, passwordEncoder.encode("too late for words")))
                .isEqualTo(new Invitations.Refused(Invitations.Why.EXPIRED));
        assertThat(jdbc.queryForObject("select password_hash from person where id = ?", String.class,
                "T-P-late-" + token)).isNull();
        ResponseEntity<String> expiredPage = anonymousApi().getForEntity("/inbox/invitation/" + late, String.class);
        assertThat(expiredPage.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expiredPage.getBody()).contains("This link has expired").doesNotContain("New password");
        ResponseEntity<String> usedPage = anonymousApi().getForEntity("/inbox/invitation/" + once, String.class);
        assertThat(usedPage.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(usedPage.getBody()).contains("This link has already been used");
        ResponseEntity<String> unknown = anonymousApi().getForEntity("/inbox/invitation/"
                + InvitationTokens.newToken(), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("This link is not valid");
        assertThat(anonymousApi().getForEntity("/inbox/invitation/not-a-token", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // and the listing tells the administrator who is active and whose invitation expired
        ResponseEntity<List<Map<String, Object>>> listed = admin.exchange("/api/v1/directory/organisations/"
                + dir.school() + "/people", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(listed.getBody()).extracting(p -> p.get("id") + " " + p.get("status"))
                .containsExactlyInAnyOrder("T-P-once-" + token + " ACTIVE", "T-P-late-" + token + " INVITATION_EXPIRED");
    }

    @Test
    void operationsSeeTheOrganisationsNobodyCanReadAlertsFor() {
        // given the test's five organisations: nobody at any; then an invited key adult at the school and an active
        // deputy at the GP practice
        send(admin, HttpMethod.POST, "/api/v1/directory/people", new DirectoryDocument.Person("T-P-INV-" + token,
                dir.school(), "Invited Testwell", "invited-" + token + "@test.example", PersonRole.KEY_ADULT));
        jdbc.update("insert into person (id, organisation_id, display_name, email, role, password_hash)"
                + " values (?, ?, 'Active Testwell', ?, 'DEPUTY', 'x')", "T-P-ACT-" + token, dir.gp(),
                "active-" + token + "@test.example");

        // when operations ask
        ResponseEntity<Map<String, Object>> answer = send(api(PersonRole.OPERATIONS), HttpMethod.GET,
                "/api/v1/operations/organisations-without-people", null);

        // then the school (one invited, not yet active) and the other three are listed, the GP practice is not
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) answer.getBody().get("organisations");
        assertThat(listed).filteredOn(o -> String.valueOf(o.get("organisationId")).endsWith(token))
                .extracting(o -> o.get("organisationId") + " " + o.get("kind") + " " + o.get("invited"))
                .containsExactlyInAnyOrder(dir.school() + " SCHOOL 1", dir.nurse() + " SCHOOL_NURSE 0",
                        dir.healthVisiting() + " HEALTH_VISITING 0", dir.probation() + " PROBATION 0");
        assertThat(listed).filteredOn(o -> dir.school().equals(o.get("organisationId"))).singleElement()
                .satisfies(o -> assertThat(o.get("contactEmail")).isEqualTo("lead@" + dir.school().toLowerCase()
                        + ".example"));
        assertThat(answer.getBody().get("count")).isEqualTo(listed.size());
        // a demo school, whose key adult signs in, is not
        assertThat(listed).extracting(o -> o.get("organisationId")).doesNotContain("ORG-SCH-01");
        // and anyone else is refused
        assertThat(send(api(PersonRole.DIRECTORY_ADMIN), HttpMethod.GET,
                "/api/v1/operations/organisations-without-people", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // and the gauge counts them by kind
        gauges.refresh();
        assertThat(meters.get("notification.organisations.without.people").tag("kind", "SCHOOL").gauge().value())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(meters.get("notification.organisations.without.people").gauges())
                .hasSize(OrganisationKind.values().length);
        long gpsWithout = gauges.value(OrganisationKind.GP);
        jdbc.update("delete from person where id = ?", "T-P-ACT-" + token);
        gauges.refresh();
        assertThat(gauges.value(OrganisationKind.GP)).isEqualTo(gpsWithout + 1);
    }
}
