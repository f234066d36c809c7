package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalogue operation a service method performs, declared once and enforced there: {@link OperationAuthorization}
 * (one Spring Security {@code AuthorizationManager<MethodInvocation>}) runs {@link DomainAccess#require} — or
 * {@link DomainAccess#requireUnbound} for operations not {@link Operation#isDomainBound() bound to a domain} — before
 * the method body, inside its transaction: domain unknown or not visible (404) before a role too low (403), a
 * disabled domain (409), then the scopes of a personal access token. The method itself runs no check.
 *
 * <p>Which arguments name the domain and the entity, by parameter name (the build compiles with {@code
 * -parameters}; a method whose names do not fit fails on its first call and in {@code OperationDeclarationTest}):
 * the domain is the parameter {@value #DOMAIN_ID}; the entity is the parameter named after the operation's entity
 * type — {@code clientId}, {@code channelId} or {@code groupId} ({@link OperationAuthorization#entityParameter}); operations of the
 * {@code domains} type act on the domain itself and take no entity.
 *
 * <p>On a REST controller method the annotation only documents the endpoint (the OpenAPI text reads it); a test
 * ({@code OperationDeclarationTest}) proves that it equals the declaration of the service method the endpoint
 * calls, for every endpoint.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresOperation {

    /** The parameter (and path variable) holding the domain id. */
    String DOMAIN_ID = "domainId";

    Operation value();
}
