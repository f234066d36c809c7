package dev.scopekeeper;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails the build when a test JVM starts more Spring application contexts than its budget, the system property
 * {@value #BUDGET_PROPERTY} (set for Surefire and Failsafe in {@code pom.xml}; unset, e.g. in an IDE, means no
 * limit). Every context started by {@code SpringApplication} in the JVM counts: Spring's test context cache
 * misses (each {@code @DirtiesContext}, property override, {@code @MockitoBean} or extra configuration makes one)
 * and applications a test starts itself. The context over the budget is refused at start, so the test class
 * that would start it fails, named in the message together with the classes that started the others.
 *
 * <p>Registered in {@code META-INF/spring.factories} both as an {@link ApplicationContextInitializer} (counts)
 * and as a {@link TestExecutionListener} (remembers which test class is running, for the message). Counts are
 * stable from run to run, unlike timings.
 */
public class ContextBudget
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, TestExecutionListener, Ordered {

    public static final String BUDGET_PROPERTY = "scopekeeper.test.context-budget";

    private static final Ledger JVM = new Ledger();
    private static volatile String currentTestClass = "(no Spring test class yet)";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getParent() != null) {
            return; // a child (e.g. a management context) of a context already counted
        }
        String budget = System.getProperty(BUDGET_PROPERTY);
        Integer limit = budget == null || budget.isBlank() ? null : Integer.valueOf(budget);
        String refusal = JVM.admit(currentTestClass, limit);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        System.out.println(
                "[context-budget] Spring application context #" + JVM.started().size() + " of budget "
                        + (limit == null ? "(none)" : limit) + " started for " + currentTestClass);
    }

    /** The contexts started in one JVM, by the test class that started them. */
    static final class Ledger {
        private final List<String> started = new ArrayList<>();

        /** Counts a context started for {@code testClass}; the refusal message when it exceeds {@code budget}. */
        synchronized String admit(String testClass, Integer budget) {
            started.add(testClass);
            if (budget == null || started.size() <= budget) {
                return null;
            }
            return "Spring context budget exceeded: " + testClass + " would start Spring application context #"
                    + started.size() + " of this test JVM, budget " + budget + " (" + BUDGET_PROPERTY
                    + "). Contexts started so far, by test class: " + started.subList(0, started.size() - 1)
                    + ". Use the shared configuration (@ScopekeeperTest / @ApiTest; no @DirtiesContext, property"
                    + " overrides or @MockitoBean; @ResetDatabase for an empty database), see docs/testing.md.";
        }

        synchronized List<String> started() {
            return List.copyOf(started);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        currentTestClass = testContext.getTestClass().getName();
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        // a context started next comes from a test that starts its own application (e.g. RestartPersistenceIT)
        currentTestClass = "a test class outside Spring's test support, run after "
                + testContext.getTestClass().getName();
    }
}
