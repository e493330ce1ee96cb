package uk.safeguarding.notification.routing.directory;

import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.notification.routing.calendar.DeadlinePolicy;
import uk.safeguarding.notification.routing.calendar.DeadlineRule;
import uk.safeguarding.notification.routing.policy.SharingPolicy;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind.Link;
import uk.safeguarding.schemas.Topics;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A kind of organisation is one declaration ({@link OrganisationKind}) plus what it cannot be without: its symbol on
 * the wire with its topic, its policy lines, and the column a migration adds. Each test names what a new kind still
 * lacks.
 */
class OrganisationKindDeclarationTest {

    @Test
    void everyKindOnTheWireIsDeclaredOnceAndHasItsAlertTopic() {
        for (AgencyKind wire : AgencyKind.values()) {
            if (wire == AgencyKind.UNKNOWN) {
                assertThat(OrganisationKind.of(wire)).isEmpty();
                continue;
            }
            OrganisationKind kind = OrganisationKind.of(wire).orElseThrow(
                    () -> new AssertionError("AgencyKind " + wire + " has no line in OrganisationKind"));
            assertThat(kind.agencyKind()).isEqualTo(wire);
            assertThat(Topics.alerts(wire).name()).as("the alert topic of " + wire).startsWith("alerts.");
        }
    }

    @Test
    void everyKindHasItsNameForPeopleAndLinesInTheSharingPolicy() {
        SharingPolicy policy = SharingPolicy.standard();
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertThat(kind.forPeople()).as(kind.name()).isNotBlank().doesNotContain("_");
            assertThat(policy.rule(kind.agencyKind())).as("policy lines for " + kind).isPresent();
        }
    }

    @Test
    void aKindLinkedFromAChildsRecordHasItsDocumentFieldItsEntityColumnAndAReasonToBeTold() {
        Set<String> entityColumns = Arrays.stream(ChildEntity.class.getRecordComponents())
                .map(RecordComponent::getName).map(OrganisationKindDeclarationTest::snakeCase)
                .collect(Collectors.toSet());
        DirectoryDocument.Child child = new DirectoryDocument.Child("CH-1", "Ada", "Marsh", null, null, List.of(),
                "SCH-1", "GP-1", "HV-1", "EY-1", "COL-1", false, "LA-1");
        for (OrganisationKind kind : OrganisationKind.linkedFromChild()) {
            assertThat(entityColumns).as("ChildEntity's field for the column " + kind.link().column())
                    .contains(kind.link().column());
            assertThat(child.link(kind)).as("the directory document's field " + kind.link().field()).isNotNull();
            assertThat(kind.reason()).as("routing reason of " + kind).isNotNull();
            assertThat(kind.detail("ORG-1", "SCH-1")).as("routing detail of " + kind).contains("ORG-1");
            assertThat(kind.hears()).isNotEqualTo(OrganisationKind.Hears.THROUGH_OTHER_RULES);
        }
    }

    @Test
    void theDocumentsLinksAreReadByTheFieldsTheDeclarationNames() {
        DirectoryDocument.Child child = new DirectoryDocument.Child("CH-1", "Ada", "Marsh", null, null, List.of(),
                "SCH-1", "GP-1", "HV-1", "EY-1", "COL-1", true, "LA-1");

        assertThat(child.link(OrganisationKind.SCHOOL)).isEqualTo("SCH-1");
        assertThat(child.link(OrganisationKind.GP)).isEqualTo("GP-1");
        assertThat(child.link(OrganisationKind.HEALTH_VISITING)).isEqualTo("HV-1");
        assertThat(child.link(OrganisationKind.EARLY_YEARS)).isEqualTo("EY-1");
        assertThat(child.link(OrganisationKind.COLLEGE)).isEqualTo("COL-1");
        assertThat(child.link(OrganisationKind.LOCAL_AUTHORITY)).isEqualTo("LA-1");
        assertThatThrownBy(() -> child.link(OrganisationKind.PROBATION)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDirectoryChangeSetsExactlyOneKindsLinkAndAnUnknownOneNone() {
        for (DirectoryChangeKind change : DirectoryChangeKind.values()) {
            List<OrganisationKind> setting = Arrays.stream(OrganisationKind.values())
                    .filter(k -> k.link().changeKinds().contains(change)).toList();
            if (change == DirectoryChangeKind.UNKNOWN) {
                assertThat(setting).isEmpty();
                assertThat(OrganisationKind.settingLink(change)).isEmpty();
            } else {
                assertThat(setting).as("kinds set by " + change).hasSize(1);
                assertThat(OrganisationKind.settingLink(change)).contains(setting.get(0));
                assertThat(setting.get(0).link().changeKey()).isNotBlank();
                assertThat(setting.get(0).link().on()).isIn(Link.On.CHILD, Link.On.ADULT);
            }
        }
    }

    @Test
    void theDefaultDeadlinesComeFromTheDeclaration() {
        DeadlinePolicy standard = DeadlinePolicy.standard();

        assertThat(standard.ruleFor(AgencyKind.SCHOOL)).isEqualTo(DeadlineRule.nextSchoolDay());
        assertThat(standard.ruleFor(AgencyKind.SCHOOL_NURSE)).isEqualTo(DeadlineRule.nextSchoolDay());
        assertThat(standard.ruleFor(AgencyKind.COLLEGE)).isEqualTo(DeadlineRule.nextSchoolDay());
        assertThat(standard.ruleFor(AgencyKind.EARLY_YEARS)).isEqualTo(DeadlineRule.workingHours(4));
        assertThat(standard.ruleFor(AgencyKind.CHILDRENS_SOCIAL_CARE)).isEqualTo(DeadlineRule.workingHours(4));
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertThat(standard.rules()).as("deadline of " + kind).containsKey(kind.agencyKind());
        }
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
