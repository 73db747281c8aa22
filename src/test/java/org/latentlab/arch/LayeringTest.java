package org.latentlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, as rules the build checks. */
@Tag("slow")
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.latentlab");
    }

    @Test
    void theWindowNeverTouchesDjl() {
        noClasses().that().resideInAPackage("org.latentlab.ui..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .because("the window works through the engine; one thread owns a model").check(classes);
    }

    @Test
    void javaFxStaysInTheWindow() {
        noClasses().that().resideOutsideOfPackages("org.latentlab.ui..", "org.latentlab")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the engine, trainer and CLI run headless").check(classes);
    }

    @Test
    void viewModelsNeverReadCheckpoints() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("org.latentlab.checkpoint..")
                .because("what the window shows of a model comes from the engine's ModelInfo").check(classes);
    }

    @Test
    void viewModelsKnowTheEngineByItsInterface() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.latentlab.engine.TorchEngine")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.latentlab.engine.TrainingRunner")
                .because("view-model tests run on a fake engine, without libtorch").check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.latentlab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
