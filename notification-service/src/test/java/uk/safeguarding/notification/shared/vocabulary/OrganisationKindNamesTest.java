package uk.safeguarding.notification.shared.vocabulary;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of organisation, as people read it on the pages. */
class OrganisationKindNamesTest {

    @Test
    void kindsAreWrittenAsPeopleWriteThemNotAsTheEnumIsSpelt() {
        assertThat(OrganisationKindNames.forPeople(AgencyKind.GP)).isEqualTo("GP");
        assertThat(OrganisationKindNames.forPeople(AgencyKind.CHILDRENS_SOCIAL_CARE)).isEqualTo("Children's social care");
        assertThat(OrganisationKindNames.forPeople(AgencyKind.SCHOOL_NURSE)).isEqualTo("School nurse");
        assertThat(OrganisationKindNames.forPeople(AgencyKind.HEALTH_VISITING)).isEqualTo("Health visiting");
    }

    @Test
    void everyKindHasItsOwnName() {
        for (AgencyKind kind : AgencyKind.values()) {
            String name = OrganisationKindNames.forPeople(kind);
            assertThat(name).as(kind.name()).isNotBlank().doesNotContain("_");
        }
    }

    @Test
    void aKindAsStoredIsNamedTheSameAndAnUnknownOneIsUnknown() {
        assertThat(OrganisationKindNames.forPeople("GP")).isEqualTo("GP");
        assertThat(OrganisationKindNames.forPeople("CHILDRENS_SOCIAL_CARE")).isEqualTo("Children's social care");
        assertThat(OrganisationKindNames.forPeople("YOUTH_CLUB")).isEqualTo("Unknown");
        assertThat(OrganisationKindNames.forPeople((String) null)).isEqualTo("Unknown");
    }
}
