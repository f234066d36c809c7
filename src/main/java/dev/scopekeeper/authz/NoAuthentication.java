package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST endpoint that needs no authentication and acts on nobody's behalf (e.g. reporting leaked tokens): any
 * caller may reach it, with or without a credential, so the personal access token endpoint rule (deny by default
 * for everything that names no {@link RequiresOperation}) lets a request that happens to carry a PAT through
 * instead of refusing it. The path must also be open in the API security configuration.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoAuthentication {}
