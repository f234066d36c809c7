package dev.scopekeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("dev.scopekeeper.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature depends on lower features only; higher ones plug in through"
                        + " interfaces the lower feature owns (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void repositoriesAreUsedOnlyFromTransactionalClasses() {
        classes()
                .that()
                .areNotAssignableTo(Repository.class)
                .and(dependOnRepositories())
                .should(beTransactional())
                .because("a repository call outside a transaction sees no consistent state"
                        + " and loads nothing lazily")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> dependOnRepositories() {
        return DescribedPredicate.describe(
                "use repositories", javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> !d.getTargetClass().equals(javaClass)
                                && d.getTargetClass().isAssignableTo(Repository.class)));
    }

    private static ArchCondition<JavaClass> beTransactional() {
        return ArchCondition.from(DescribedPredicate.describe(
                "be @Transactional (the class or its methods), run its transactions with a TransactionTemplate,"
                        + " or be an abstract base whose every subclass is one of those",
                ArchitectureTest::transactional));
    }

    private static boolean transactional(JavaClass javaClass) {
        if (javaClass.isAnnotatedWith(Transactional.class)
                || javaClass.isAnnotatedWith(jakarta.transaction.Transactional.class)
                || javaClass.getMethods().stream()
                        .anyMatch(m -> m.isAnnotatedWith(Transactional.class)
                                || m.isAnnotatedWith(jakarta.transaction.Transactional.class))
                || javaClass.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().isEquivalentTo(TransactionTemplate.class))) {
            return true;
        }
        // its helpers run inside the subclasses' transactional methods
        return javaClass.getModifiers().contains(JavaModifier.ABSTRACT)
                && !javaClass.getSubclasses().isEmpty()
                && javaClass.getSubclasses().stream().allMatch(ArchitectureTest::transactional);
    }
}
