package dev.scopekeeper;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot test on a real MariaDB. By default a throw-away embedded MariaDB shared by the test
 * JVM, with a fresh schema for every Spring context; set {@code SCOPEKEEPER_TEST_DATASOURCE_URL}
 * (plus {@code _USERNAME}, {@code _PASSWORD}) to run against an external MariaDB instead. The
 * application's own {@code SPRING_DATASOURCE_*} variables are deliberately ignored here, so tests
 * never touch a database a developer happens to have configured.
 *
 * <p>The properties sit in {@code @TestPropertySource} so that a test class may add its own
 * {@code @SpringBootTest(webEnvironment = ...)} without losing them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@TestPropertySource(properties = {
        "spring.datasource.url=${SCOPEKEEPER_TEST_DATASOURCE_URL:}",
        "spring.datasource.username=${SCOPEKEEPER_TEST_DATASOURCE_USERNAME:}",
        "spring.datasource.password=${SCOPEKEEPER_TEST_DATASOURCE_PASSWORD:}",
        "scopekeeper.embedded-db.ephemeral=true",
})
@ActiveProfiles("test")
public @interface ScopekeeperTest {

    /** {@code RANDOM_PORT} for tests over real HTTP (see {@code dev.scopekeeper.base.api.ApiTest}). */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
