package uk.safeguarding.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of notification-service, checked on the compiled classes: two application modules, {@code routing} and
 * {@code delivery}, that meet only on the alert topics; {@code shared} plumbing both use and that uses neither; the
 * demo data on top; no package cycle anywhere. ArchUnit rather than Spring Modulith: the rules are plain
 * package rules on the byte code (no Spring context, no module annotations), so they read like the picture in the
 * README and fail with the class and the line that crossed.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "uk.safeguarding.notification";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void deliveryNeverReachesIntoRouting() {
        noClasses().that().resideInAPackage(ROOT + ".delivery..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".routing..")
                .because("delivery keeps what it needs from the alerts it receives").check(classes);
    }

    @Test
    void routingNeverReachesIntoDelivery() {
        noClasses().that().resideInAPackage(ROOT + ".routing..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".delivery..")
                .because("routing's output is the alert topics, whoever reads them").check(classes);
    }

    @Test
    void sharedPlumbingKnowsNeitherModuleNorTheDemo() {
        noClasses().that().resideInAPackage(ROOT + ".shared..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".routing..", ROOT + ".delivery..",
                        ROOT + ".demo..")
                .check(classes);
    }

    @Test
    void onlyTheApplicationAndTheDemoSeeTheDemoData() {
        noClasses().that().resideInAnyPackage(ROOT + ".routing..", ROOT + ".delivery..", ROOT + ".shared..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".demo..")
                .check(classes);
    }
}
