package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST endpoint for other services, authenticated with a service credential ({@code Authorization: Bearer svc_…}):
 * the only endpoints such a credential reaches, and only it reaches them — a person's user token or a PAT is
 * refused with 403 at the API's door ({@link UndeclaredEndpointRule}). The API document marks it
 * {@code x-scopekeeper-service-credential}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ServiceCredentialEndpoint {}
