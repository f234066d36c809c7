package dev.scopekeeper.authz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.pat.DomainTokenService;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * One declaration per operation: the service method declares it ({@link RequiresOperation}, enforced by {@link
 * OperationAuthorization}); every public method of a domain-bound service declares an operation or its explicit
 * exemption; the declaration's parameters exist; and every REST endpoint documents exactly the operation of the
 * service method it calls (the OpenAPI text reads the controller's annotation, so this proves the document names
 * what is enforced); an endpoint refused to PATs ({@link UserCredentialsOnly} service) documents no operation.
 */
class OperationDeclarationTest {

    /** The services whose methods act in one domain (or list domains). */
    static final List<Class<?>> DOMAIN_BOUND_SERVICES = List.of(
            DomainService.class,
            InvitationService.class,
            CurrentDomainService.class,
            MemberService.class,
            ClientService.class,
            ChannelService.class,
            GroupService.class,
            DomainTokenService.class);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scopekeeper");
    }

    static ArchRule everyPublicMethodDeclaresItsOperation(Set<String> serviceNames) {
        return methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat(
                        DescribedPredicate.describe("one of " + serviceNames, c -> serviceNames.contains(c.getName())))
                .should()
                .beAnnotatedWith(RequiresOperation.class)
                .orShould()
                .beAnnotatedWith(NotADomainOperation.class)
                .because("a domain-bound service method is authorized by its declaration, not by hand");
    }

    private static Set<String> names(List<Class<?>> types) {
        return types.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPublicMethodOfADomainBoundServiceDeclaresAnOperationOrAnExemption() {
        everyPublicMethodDeclaresItsOperation(names(DOMAIN_BOUND_SERVICES)).check(classes);
    }

    /** A service as someone might add it: one method forgot its declaration. */
    @Service
    static class ForgetfulService {
        @RequiresOperation(Operation.CLIENTS_VIEW)
        public void view(long domainId, long clientId) {}

        public void update(long domainId, long clientId) {}
    }

    @Test
    void aServiceMethodWithoutADeclarationFailsTheRule() {
        JavaClasses forgetful = new ClassFileImporter().importClasses(ForgetfulService.class);
        assertThatThrownBy(() -> everyPublicMethodDeclaresItsOperation(names(List.of(ForgetfulService.class)))
                        .check(forgetful))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ForgetfulService.update(long, long)")
                .hasMessageNotContaining("ForgetfulService.view(long, long)");
    }

    @Test
    void everyDeclarationNamesParametersTheCheckFinds() {
        List<String> problems = new ArrayList<>();
        int declared = 0;
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(Service.class)) {
                continue;
            }
            for (Method method : type.reflect().getDeclaredMethods()) {
                RequiresOperation required = method.getAnnotation(RequiresOperation.class);
                if (required == null) {
                    continue;
                }
                declared++;
                Operation op = required.value();
                if (op.isDomainBound()) {
                    problems.addAll(missing(method, RequiresOperation.DOMAIN_ID));
                    String entity = OperationAuthorization.entityParameter(op);
                    if (entity != null) {
                        problems.addAll(missing(method, entity));
                    }
                } else if (parameter(method, RequiresOperation.DOMAIN_ID).isPresent()) {
                    problems.add(method + ": " + op + " is not bound to a domain but takes a domainId");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(declared).as("declared service methods").isGreaterThan(50);
    }

    private static List<String> missing(Method method, String name) {
        Optional<Parameter> parameter = parameter(method, name);
        if (parameter.isEmpty()) {
            return List.of(method + " has no parameter " + name);
        }
        Class<?> type = parameter.get().getType();
        return type == long.class || type == Long.class ? List.of() : List.of(method + ": " + name + " is " + type);
    }

    private static Optional<Parameter> parameter(Method method, String name) {
        assertThat(method.getParameters()).allMatch(Parameter::isNamePresent, "compiled with -parameters");
        return Arrays.stream(method.getParameters())
                .filter(p -> p.getName().equals(name))
                .findFirst();
    }

    @Test
    void everyEndpointDocumentsTheOperationOfTheServiceMethodItCalls() {
        List<String> problems = new ArrayList<>();
        int endpoints = 0;
        for (JavaClass controller : classes) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (JavaMethod endpoint : controller.getMethods()) {
                Set<Operation> enforced = endpoint.getMethodCallsFromSelf().stream()
                        .map(JavaMethodCall::getTarget)
                        .map(target -> target.resolveMember())
                        .flatMap(Optional::stream)
                        .filter(called -> called.isAnnotatedWith(RequiresOperation.class))
                        // refused to PATs whatever it declares: not a catalogue endpoint (e.g. a domain's tokens)
                        .filter(called -> !called.isAnnotatedWith(UserCredentialsOnly.class)
                                && !called.getOwner().isAnnotatedWith(UserCredentialsOnly.class))
                        .map(called -> called.getAnnotationOfType(RequiresOperation.class)
                                .value())
                        .collect(Collectors.toSet());
                Optional<Operation> documented =
                        endpoint.tryGetAnnotationOfType(RequiresOperation.class).map(RequiresOperation::value);
                if (documented.isPresent()) {
                    endpoints++;
                }
                Set<Operation> expected = documented.map(Set::of).orElse(Set.of());
                if (!enforced.equals(expected)) {
                    problems.add(endpoint.getFullName() + " documents " + expected + " but calls " + enforced);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(endpoints).as("documented endpoints").isGreaterThan(50);
    }
}
