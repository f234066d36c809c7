package dev.scopekeeper;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class needs a fresh install, the way {@code @DirtiesContext} used to give it one, but in the shared
 * context: {@link TestDatabase#reset()} before the class (or before each test method), which leaves no users and
 * no setup marker. With {@code runStartUp} the application's start-up work runs again afterwards, as on a real
 * start: its own {@code SmartInitializingSingleton}s (the administrator bootstrap from {@code scopekeeper.admin.*},
 * see {@code application-test.properties}), then the application runners.
 * Applied by {@link ResetDatabaseListener}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface ResetDatabase {

    When value() default When.BEFORE_CLASS;

    /** Run the start-up work again after the reset (the bootstrap administrator then exists). */
    boolean runStartUp() default false;

    enum When {
        BEFORE_CLASS,
        BEFORE_EACH_TEST_METHOD
    }
}
