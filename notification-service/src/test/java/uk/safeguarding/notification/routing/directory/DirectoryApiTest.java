package uk.safeguarding.notification.routing.directory;

import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import uk.safeguarding.notification.shared.security.PersonRole;
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
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryApiTest extends IntegrationTestSupport {
    TestRestTemplate http;

    @BeforeEach
    void signedInAsDirectoryAdmin() {
        http = api(PersonRole.DIRECTORY_ADMIN);
    }

    private ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1/directory" + path, method, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<>() {
                });
    }

    @SuppressWarnings("unchecked")
    private static List<String> badFields(ResponseEntity<Map<String, Object>> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
    }

    @Test
    void aChildsEarlyYearsSettingCollegeAndHomeEducationAreKeptAndCheckedLikeEveryOtherLink() {
        // given a nursery, a college and a local authority
        String token = unique();
        String nursery = "T-EY-API-" + token, college = "T-COL-API-" + token, la = "T-LA-API-" + token;
        for (String[] o : new String[][]{{nursery, "EARLY_YEARS"}, {college, "COLLEGE"}, {la, "LOCAL_AUTHORITY"}}) {
            assertThat(send(HttpMethod.POST, "/organisations", new DirectoryDocument.Organisation(o[0], "Org " + o[0],
                    OrganisationKind.valueOf(o[1]), null, null, null, null, null, null, null)).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }

        // when a child is put with each link
        DirectoryDocument.Child child = new DirectoryDocument.Child("T-CH-SET-" + token, "Octavia", "Fotheringay",
                TestClock.bornYearsAgo(16, 4, 4), "EX1 1AA", List.of(), null, null, null, nursery, college, true, la);
        assertThat(send(HttpMethod.PUT, "/children/" + child.id(), child).getStatusCode()).isEqualTo(HttpStatus.OK);

        // then they are read back
        assertThat(send(HttpMethod.GET, "/children/" + child.id(), null).getBody())
                .containsEntry("earlyYearsSettingId", nursery).containsEntry("collegeId", college)
                .containsEntry("homeEducated", true).containsEntry("localAuthorityId", la);

        // and a link to the wrong kind of organisation, or home education without a local authority, is refused
        DirectoryDocument.Child wrong = new DirectoryDocument.Child("T-CH-SET-" + token, "Octavia", "Fotheringay",
                TestClock.bornYearsAgo(16, 4, 4), "EX1 1AA", List.of(), null, null, null, college, nursery, true, null);
        ResponseEntity<Map<String, Object>> refused = send(HttpMethod.PUT, "/children/" + child.id(), wrong);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(refused)).containsExactlyInAnyOrder("earlyYearsSettingId", "collegeId", "localAuthorityId");
    }

    @Test
    void organisationsChildrenAdultsAndHouseholdLinksAreCreatedUpdatedAndRead() {
        // given
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        DirectoryDocument.Organisation nurse = dir.organisations().get(0);
        DirectoryDocument.Organisation school = dir.organisations().get(1);
        DirectoryDocument.Organisation gp = dir.organisations().get(2);

        // when / then: organisations
        assertThat(send(HttpMethod.POST, "/organisations", nurse).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.POST, "/organisations", school).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.POST, "/organisations", school).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(send(HttpMethod.PUT, "/organisations/" + gp.id(), gp).getStatusCode()).isEqualTo(HttpStatus.OK);
        DirectoryDocument.Organisation renamed = new DirectoryDocument.Organisation(school.id(), "Renamed Primary",
                school.kind(), "PRIMARY", nurse.id(), null, "dsl@renamed.example", null, null, null);
        assertThat(send(HttpMethod.PUT, "/organisations/" + school.id(), renamed).getBody())
                .containsEntry("name", "Renamed Primary").containsEntry("schoolNurseOrganisationId", nurse.id());
        assertThat(send(HttpMethod.GET, "/organisations/" + school.id(), null).getBody())
                .containsEntry("kind", "SCHOOL").containsEntry("phase", "PRIMARY");
        assertThat(send(HttpMethod.GET, "/organisations/NOPE-" + token, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // children
        DirectoryDocument.Child child = new DirectoryDocument.Child("T-CH-API-" + token, "Araminta", "Fotheringay",
                LocalDate.of(2016, 4, 4), "EX1 1AA",
                List.of(new DirectoryDocument.Identifier(IdentifierScheme.UPN, "A123 456")), school.id(), gp.id(), null);
        assertThat(send(HttpMethod.POST, "/children", child).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> readChild = send(HttpMethod.GET, "/children/" + child.id(), null).getBody();
        assertThat(readChild).containsEntry("dateOfBirth", "2016-04-04").containsEntry("schoolId", school.id());
        assertThat(readChild.get("identifiers")).isEqualTo(List.of(Map.of("scheme", "UPN", "value", "A123456")));

        // adults and household links
        DirectoryDocument.Adult adult = new DirectoryDocument.Adult("T-AD-API-" + token, "Ptolemy", "Fotheringay",
                LocalDate.of(1985, 1, 1), List.of(), null, null);
        assertThat(send(HttpMethod.POST, "/adults", adult).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.PUT, "/household-links",
                new DirectoryDocument.HouseholdLink(child.id(), adult.id(), Relationship.PARENT)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<List<Map<String, Object>>> links = http.exchange(
                "/api/v1/directory/children/" + child.id() + "/household-links", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {
                });
        assertThat(links.getBody()).containsExactly(Map.of("childId", child.id(), "adultId", adult.id(),
                "relationship", "PARENT"));
    }

    @Test
    void invalidInputIsRefusedWithProblemJsonNamingEveryBadField() {
        // given a child with three bad fields and a reference to an unknown school
        Map<String, Object> child = Map.of("id", "", "givenName", "Cressida", "dateOfBirth", "2999-01-01",
                "schoolId", "NO-SUCH-SCHOOL");

        // when
        ResponseEntity<Map<String, Object>> invalid = send(HttpMethod.POST, "/children", child);

        // then
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badFields(invalid)).contains("id", "familyName", "dateOfBirth");

        // and a well-formed child naming an unknown school is refused with that field
        ResponseEntity<Map<String, Object>> unknownSchool = send(HttpMethod.POST, "/children", Map.of("id",
                "T-CH-BAD-" + unique(), "givenName", "Cressida", "familyName", "Vane", "dateOfBirth", "2015-01-01",
                "schoolId", "NO-SUCH-SCHOOL"));
        assertThat(unknownSchool.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(unknownSchool)).containsExactly("schoolId");

        // and an unknown enum value names its field
        ResponseEntity<Map<String, Object>> badKind = send(HttpMethod.POST, "/organisations",
                Map.of("id", "X-" + unique(), "name", "Somewhere", "kind", "BAKERY"));
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(badKind)).containsExactly("kind");
    }

    @Test
    void theBulkImportUpsertsByIdIdempotentlyAndAnswersCounts() {
        // given a document with organisations, children, adults and household links
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        DirectoryDocument document = new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild("T-CH-I1-" + token, "Benedick", "Oakenshaw", LocalDate.of(2013, 3, 3), null),
                        dir.toddler("T-CH-I2-" + token, "Beatrice", "Oakenshaw", TestClock.bornYearsAgo(2, 3, 3))),
                List.of(dir.supervisedAdult("T-AD-I1-" + token, "Leonato", "Oakenshaw", LocalDate.of(1980, 3, 3),
                        "80/" + token)),
                List.of(new DirectoryDocument.HouseholdLink("T-CH-I1-" + token, "T-AD-I1-" + token, Relationship.PARENT),
                        new DirectoryDocument.HouseholdLink("T-CH-I2-" + token, "T-AD-I1-" + token, Relationship.PARENT)));

        // when imported twice
        ResponseEntity<Map<String, Object>> first = send(HttpMethod.POST, "/import", document);
        ResponseEntity<Map<String, Object>> second = send(HttpMethod.POST, "/import", document);

        // then the first creates, the second updates the same entries
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).isEqualTo(Map.of(
                "organisations", Map.of("created", 5, "updated", 0),
                "children", Map.of("created", 2, "updated", 0),
                "adults", Map.of("created", 1, "updated", 0),
                "householdLinks", Map.of("created", 2, "updated", 0),
                "people", Map.of("created", 0, "updated", 0)));
        assertThat(second.getBody()).isEqualTo(Map.of(
                "organisations", Map.of("created", 0, "updated", 5),
                "children", Map.of("created", 0, "updated", 2),
                "adults", Map.of("created", 0, "updated", 1),
                "householdLinks", Map.of("created", 0, "updated", 2),
                "people", Map.of("created", 0, "updated", 0)));
        assertThat(send(HttpMethod.GET, "/adults/T-AD-I1-" + token, null).getBody())
                .containsEntry("probationDeliveryUnitId", dir.probation());
    }

    @Test
    void aBulkImportWithBadEntriesIsRefusedWholeWithThePathOfEveryBadField() {
        // given a document with a malformed organisation, a child referencing a GP that is a school, a bad link
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        Map<String, Object> document = Map.of(
                "organisations", List.of(dir.organisations().get(0), dir.organisations().get(1),
                        Map.of("id", "X-" + token, "kind", "GP")),
                "children", List.of(new DirectoryDocument.Child("T-CH-B-" + token, "Rosalind", "Ganymede",
                        LocalDate.of(2012, 1, 1), null, List.of(), dir.school(), dir.school(), null)),
                "householdLinks", List.of(Map.of("childId", "T-CH-B-" + token, "adultId", "NOBODY-" + token,
                        "relationship", "PARENT")));

        // when
        ResponseEntity<Map<String, Object>> malformed = send(HttpMethod.POST, "/import", document);

        // then the bean-validation problems come first (names missing)
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(malformed)).containsExactly("organisations[2].name");

        // and once well-formed, the reference problems, each with its path; nothing was written
        Map<String, Object> wellFormed = Map.of(
                "organisations", List.of(dir.organisations().get(0), dir.organisations().get(1)),
                "children", document.get("children"),
                "householdLinks", document.get("householdLinks"));
        ResponseEntity<Map<String, Object>> inconsistent = send(HttpMethod.POST, "/import", wellFormed);
        assertThat(inconsistent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFields(inconsistent)).containsExactlyInAnyOrder("children[0].gpPracticeId",
                "householdLinks[0].adultId");
        assertThat(send(HttpMethod.GET, "/organisations/" + dir.school(), null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
