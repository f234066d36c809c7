package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST endpoint that needs no authentication and acts on nobody's behalf (e.g. reporting leaked tokens): any
 * caller may reach it, with or without a credential, so a request that happens to carry a personal access token is
 * not refused either — the service method it calls is {@link dev.scopekeeper.security.AnyCredential}. The API
 * document marks it {@code x-scopekeeper-no-authentication}; the path must also be open in the API security
 * configuration.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoAuthentication {}
