package dev.scopekeeper.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link UserCredentialsOnly} service that any caller may reach whatever credential the request
 * carries, a personal access token included: it needs none and acts for nobody (e.g. revoking a reported leaked
 * token, whose endpoint is {@link dev.scopekeeper.authz.NoAuthentication}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnyCredential {}
