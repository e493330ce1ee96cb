package uk.safeguarding.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's packages depend on each other one way only (issue 13): api on submission and access, submission on
 * publishing and store, localissuer on access. A cycle between two packages fails the build.
 */
class PackageCyclesTest {

    /** Each first-level package below {@code root} is a slice; no slice may reach itself through the others. */
    static ArchRule noCyclesBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void incidentIngestsPackagesHaveNoDependencyCycle() {
        // given the service's own classes (not its tests)
        JavaClasses ingest = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.safeguarding.ingest");
        assertThat(ingest.stream().map(c -> c.getPackageName()).distinct())
                .as("the packages checked").contains("uk.safeguarding.ingest.api", "uk.safeguarding.ingest.access",
                        "uk.safeguarding.ingest.localissuer", "uk.safeguarding.ingest.submission");

        // when / then
        noCyclesBetweenPackagesOf("uk.safeguarding.ingest").check(ingest);
    }

    @Test
    void theRuleFailsOnTwoPackagesThatUseEachOther() {
        // given two packages (test fixtures) that refer to each other
        JavaClasses cyclic = new ClassFileImporter().importPackages("uk.safeguarding.cyclefixture");

        // when / then the same rule refuses them, naming the cycle
        assertThatThrownBy(() -> noCyclesBetweenPackagesOf("uk.safeguarding.cyclefixture").check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("left")
                .hasMessageContaining("right");
    }
}
