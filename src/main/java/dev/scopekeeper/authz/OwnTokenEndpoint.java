package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST endpoint a personal access token calls about itself (e.g. {@code GET /api/v1/pats/self}): any live PAT
 * reaches it without a scope, since it shows the caller nothing but the token it already holds. The service method
 * it calls requires the PAT authority, so no other credential gets an answer from it. The API document marks it
 * {@code x-scopekeeper-own-token}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnTokenEndpoint {}
