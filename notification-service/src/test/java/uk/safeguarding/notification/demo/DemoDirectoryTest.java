package uk.safeguarding.notification.demo;

import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.IdentifierScheme;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import org.junit.jupiter.api.Test;
import uk.safeguarding.notification.routing.router.SchoolAge;
import uk.safeguarding.testkit.TestClock;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDirectoryTest {

    private static final LocalDate TODAY = TestClock.today();

    @Test
    void theSameSeedGivesTheSameDirectory() {
        assertThat(DemoDirectory.generate(1, 50, TODAY).document()).isEqualTo(DemoDirectory.generate(1, 50, TODAY).document());
        assertThat(DemoDirectory.generate(1, 50, TODAY).document()).isNotEqualTo(DemoDirectory.generate(2, 50, TODAY).document());
    }

    @Test
    void theStandardDirectoryHasHundredsOfPeopleInHouseholdsAndEveryKindOfOrganisation() {
        DemoDirectory demo = DemoDirectory.standard(TODAY);
        DirectoryDocument doc = demo.document();
        assertThat(doc.children().size()).isBetween(200, 600);
        assertThat(doc.adults().size()).isBetween(200, 600);
        assertThat(doc.organisations()).extracting(DirectoryDocument.Organisation::kind)
                .contains(OrganisationKind.values());
        assertThat(doc.children()).filteredOn(c -> SchoolAge.isUnderSchoolAge(c.dateOfBirth(), demo.referenceDate()))
                .isNotEmpty().allSatisfy(c -> assertThat(c.schoolId()).isNull());
        assertThat(doc.adults()).filteredOn(a -> a.probationDeliveryUnitId() != null).hasSizeGreaterThan(10);
        Set<String> ids = new HashSet<>();
        doc.children().forEach(c -> assertThat(ids.add(c.id())).isTrue());
        doc.adults().forEach(a -> assertThat(ids.add(a.id())).isTrue());
    }

    @Test
    void theNamedHouseholdsHaveTheDocumentedShapes() {
        DemoDirectory demo = DemoDirectory.standard(TODAY);
        List<DirectoryDocument.Child> pupils = demo.schoolChildrenHousehold().children();
        assertThat(pupils).hasSize(2).allSatisfy(c -> {
            assertThat(c.schoolId()).isNotNull();
            assertThat(c.gpPracticeId()).isNotNull();
        });
        assertThat(pupils.get(0).schoolId()).isIn(DemoDirectory.PRIMARY_SCHOOLS);
        assertThat(pupils.get(1).schoolId()).isIn(DemoDirectory.SECONDARY_SCHOOLS);

        DirectoryDocument.Child toddler = demo.toddlerHousehold().children().get(0);
        assertThat(SchoolAge.isUnderSchoolAge(toddler.dateOfBirth(), demo.referenceDate())).isTrue();
        assertThat(toddler.healthVisitingTeamId()).isEqualTo(DemoDirectory.HEALTH_VISITING);

        assertThat(demo.supervisedAdultHousehold().supervisedAdults()).singleElement().satisfies(a -> {
            assertThat(a.probationDeliveryUnitId()).isEqualTo(DemoDirectory.PROBATION);
            assertThat(a.identifiers()).extracting(DirectoryDocument.Identifier::scheme).contains(IdentifierScheme.PNC_ID);
        });
    }

    @Test
    void theHouseholdsBySettingAreAppendedSoEveryEarlierIdStaysAsItWas() {
        DemoDirectory demo = DemoDirectory.standard(TODAY);

        // the first household's first child is still the one the README's demo output shows
        assertThat(demo.schoolChildrenHousehold().children().get(0)).satisfies(c -> {
            assertThat(c.id()).isEqualTo("CH-00001");
            assertThat(c.givenName() + " " + c.familyName()).isEqualTo("Hana Elsworth");
            // born 7 February 2018 in the directory of the school year 2026-27, a year later each year after
            assertThat(c.dateOfBirth()).isEqualTo(LocalDate.of(2018, 2, 7)
                    .plusYears(demo.referenceDate().getYear() - 2026L));
            assertThat(c.schoolId()).isEqualTo("ORG-SCH-03");
        });
        assertThat(demo.households()).hasSize(DemoDirectory.DEFAULT_HOUSEHOLDS + 3);

        // a toddler at the nursery, a 16-year-old at the college, a child educated at home
        DirectoryDocument.Child toddler = demo.nurseryHousehold().children().get(0);
        assertThat(SchoolAge.isUnderSchoolAge(toddler.dateOfBirth(), demo.referenceDate())).isTrue();
        assertThat(toddler.earlyYearsSettingId()).isEqualTo(DemoDirectory.EARLY_YEARS);
        assertThat(toddler.healthVisitingTeamId()).isEqualTo(DemoDirectory.HEALTH_VISITING);
        DirectoryDocument.Child student = demo.collegeHousehold().children().get(0);
        assertThat(java.time.Period.between(student.dateOfBirth(), demo.referenceDate()).getYears()).isEqualTo(16);
        assertThat(student.collegeId()).isEqualTo(DemoDirectory.COLLEGE);
        assertThat(student.schoolId()).isNull();
        DirectoryDocument.Child atHome = demo.homeEducatedHousehold().children().get(0);
        assertThat(atHome.educatedAtHome()).isTrue();
        assertThat(atHome.localAuthorityId()).isEqualTo(DemoDirectory.LOCAL_AUTHORITY);
        assertThat(demo.document().organisations()).anySatisfy(o -> {
            assertThat(o.id()).isEqualTo("ORG-CSC-01");
            assertThat(o.kind()).isEqualTo(OrganisationKind.CHILDRENS_SOCIAL_CARE);
        });
    }

    @Test
    void generatedNhsNumbersCarryAValidModulus11CheckDigit() {
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 100; n++) {
            String nhs = DemoDirectory.nhsNumber(random);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nhs.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            assertThat(nhs.charAt(9) - '0').isEqualTo(check);
        }
    }

    @Test
    void everySchoolYearHasTheSameDirectoryWithBirthDatesMovedByWholeYears() {
        // given the directory of this school year and of the school years one and five years on
        DemoDirectory now = DemoDirectory.standard(TODAY);
        for (int years : new int[]{1, 5}) {
            DemoDirectory later = DemoDirectory.standard(TODAY.plusYears(years));
            // then ids, names, settings and households are the same, and everyone is born that many years later
            assertThat(later.referenceDate()).isEqualTo(now.referenceDate().plusYears(years));
            assertThat(later.document().children()).hasSameSizeAs(now.document().children());
            for (int i = 0; i < now.document().children().size(); i++) {
                DirectoryDocument.Child before = now.document().children().get(i);
                DirectoryDocument.Child after = later.document().children().get(i);
                assertThat(after.id()).isEqualTo(before.id());
                assertThat(after.givenName() + after.familyName()).isEqualTo(before.givenName() + before.familyName());
                assertThat(after.schoolId()).isEqualTo(before.schoolId());
                assertThat(after.healthVisitingTeamId()).isEqualTo(before.healthVisitingTeamId());
                // (a 29 February becomes the 28th in a year without one)
                assertThat(after.dateOfBirth()).isBetween(before.dateOfBirth().plusYears(years).minusDays(1),
                        before.dateOfBirth().plusYears(years).plusDays(1));
            }
        }
    }

    @Test
    void agesAreSetOnTheFirstOfNovemberOfTheSchoolYear() {
        assertThat(DemoDirectory.referenceDate(LocalDate.of(2031, 8, 31))).isEqualTo(LocalDate.of(2030, 11, 1));
        assertThat(DemoDirectory.referenceDate(LocalDate.of(2031, 9, 1))).isEqualTo(LocalDate.of(2031, 11, 1));
    }
}
