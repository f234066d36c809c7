package dev.scopekeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The layering rules of package-by-feature (docs/architecture.md). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scopekeeper");
    }

    @Test
    void viewsNeverTouchRepositories() {
        noClasses()
                .that()
                .resideInAPackage("dev.scopekeeper..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("views go through the feature's service, the only door to the data")
                .check(classes);
    }

    @Test
    void restControllersNeverTouchRepositories() {
        noClasses()
                .that()
                .resideInAPackage("dev.scopekeeper..api..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("REST controllers and views call the same services")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnTheUserInterface() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.scopekeeper..ui..")
                .and()
                .doNotHaveSimpleName("SecurityConfig")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.scopekeeper..ui..")
                .because("only the security configuration needs to know the login view")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnRestControllers() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Service.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.scopekeeper..api..")
                .check(classes);
    }

    @Test
    void onlyTheClockBeanTellsTheTime() {
        noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("a Clock bean is the only source of \"now\", so expiry is testable")
                .check(classes);
    }
}
