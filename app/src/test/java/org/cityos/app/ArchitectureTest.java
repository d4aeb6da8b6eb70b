package org.cityos.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the target architecture (docs/adr/0001) as a test: contexts meet only through each other's
 * public package, arrows point down, the kernel depends on nothing.
 */
class ArchitectureTest {
    /** Contexts from the bottom up; a context may use those before it, never those after. */
    private static final List<String> LAYERS =
            List.of("audit", "spatial", "identity", "iot", "alerting", "casework", "basedata", "catalog");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cityos");
    }

    @Test
    void contextsUseOnlyEachOthersPublicPackage() {
        for (String context : LAYERS) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.cityos." + context + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.cityos." + context + ".internal..",
                            "org.cityos." + context + ".persistence..",
                            "org.cityos." + context + ".web..")
                    .because("a context is reached through its facade and records, never its internals")
                    .check(classes);
        }
    }

    @Test
    void arrowsPointDown() {
        for (int i = 0; i < LAYERS.size(); i++) {
            for (int j = i + 1; j < LAYERS.size(); j++) {
                noClasses()
                        .that()
                        .resideInAPackage("org.cityos." + LAYERS.get(i) + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("org.cityos." + LAYERS.get(j) + "..")
                        .because(LAYERS.get(i) + " lies below " + LAYERS.get(j))
                        .check(classes);
            }
        }
    }

    @Test
    void kernelDependsOnNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.cityos.kernel..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.cityos.kernel..", "java..")
                .check(classes);
    }

    @Test
    void adaptersKnowNoContext() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.cityos.http..",
                        "org.cityos.outbox..",
                        "org.cityos.postgres..",
                        "org.cityos.mqtt..",
                        "org.cityos.kafka..",
                        "org.cityos.workflow..",
                        "org.cityos.hashchain..",
                        "org.cityos.jobs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        LAYERS.stream().map(c -> "org.cityos." + c + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void testkitKnowsNoContext() {
        noClasses()
                .that()
                .resideInAPackage("org.cityos.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.cityos.audit..",
                        "org.cityos.spatial..",
                        "org.cityos.identity..",
                        "org.cityos.iot..",
                        "org.cityos.alerting..",
                        "org.cityos.casework..",
                        "org.cityos.basedata..",
                        "org.cityos.catalog..")
                .because("every context's tests use the kit, so it may lean on the kernel and adapters only")
                .check(classes);
    }

    @Test
    void assemblyHoldsNoDomainCode() {
        noClasses()
                .that()
                .resideInAPackage("org.cityos.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LAYERS.stream()
                        .flatMap(c -> java.util.stream.Stream.of(
                                "org.cityos." + c + ".internal..", "org.cityos." + c + ".persistence.."))
                        .toArray(String[]::new))
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        classes()
                .that()
                .resideInAPackage("org.cityos..")
                .should(PackageInfo.present())
                .check(classes);
    }
}
