package dev.scopekeeper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Applies {@link ResetDatabase}; registered for every test class in {@code META-INF/spring.factories}. */
public class ResetDatabaseListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        // before dependency injection and the test's own @BeforeAll / @BeforeEach code
        return 1500;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        reset(testContext, ResetDatabase.When.BEFORE_CLASS);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        reset(testContext, ResetDatabase.When.BEFORE_EACH_TEST_METHOD);
    }

    private static void reset(TestContext testContext, ResetDatabase.When when) {
        ResetDatabase reset =
                AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(), ResetDatabase.class);
        if (reset == null || reset.value() != when) {
            return;
        }
        TestDatabase database = testContext.getApplicationContext().getBean(TestDatabase.class);
        if (reset.runStartUp()) {
            database.resetAndRunStartUp();
        } else {
            database.reset();
        }
    }
}
