package dev.scopekeeper.base.api;

import dev.scopekeeper.ScopekeeperTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * A REST API test over real HTTP: the whole app on a random port, {@link ApiClient} to call it and a
 * {@link dev.scopekeeper.MutableClock} as the app's clock. All API tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ScopekeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ApiTestConfiguration.class)
public @interface ApiTest {
}
