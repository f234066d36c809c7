package dev.scopekeeper;

import dev.scopekeeper.base.api.ApiTestConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Boot test on a real MariaDB: the whole app on a random port, with {@link ApiTestConfiguration}'s
 * beans ({@link MutableClock} as the app's clock, {@code ApiClient}). Service, browserless view and API tests
 * all share this ONE context (Spring caches it for the test JVM): do not add {@code @DirtiesContext},
 * property overrides or {@code @MockitoBean}s, which each start another context and are refused by the
 * context budget ({@link ContextBudget}). Tests that need an empty database use {@link ResetDatabase}.
 *
 * <p>By default a throw-away embedded MariaDB shared by the test JVM, with a fresh schema for every Spring
 * context; set {@code SCOPEKEEPER_TEST_DATASOURCE_URL} (plus {@code _USERNAME}, {@code _PASSWORD}) to run
 * against an external MariaDB instead. The application's own {@code SPRING_DATASOURCE_*} variables are
 * deliberately ignored here, so tests never touch a database a developer happens to have configured.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@TestPropertySource(
        properties = {
            "spring.datasource.url=${SCOPEKEEPER_TEST_DATASOURCE_URL:}",
            "spring.datasource.username=${SCOPEKEEPER_TEST_DATASOURCE_USERNAME:}",
            "spring.datasource.password=${SCOPEKEEPER_TEST_DATASOURCE_PASSWORD:}",
            "scopekeeper.embedded-db.ephemeral=true",
        })
@ActiveProfiles("test")
@Import(ApiTestConfiguration.class)
public @interface ScopekeeperTest {

    /** Kept for the journeys' explicit {@code RANDOM_PORT}; another value would start another context. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;
}
