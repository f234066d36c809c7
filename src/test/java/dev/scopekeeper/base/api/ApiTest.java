package dev.scopekeeper.base.api;

import dev.scopekeeper.ScopekeeperTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST API test over real HTTP: {@link ApiClient} to call the app on its random port and a
 * {@link dev.scopekeeper.MutableClock} as the app's clock. The same configuration as every
 * {@link ScopekeeperTest}, so API, service and view tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ScopekeeperTest
public @interface ApiTest {}
