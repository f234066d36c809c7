package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, once per REST endpoint, the catalogue operation it performs: the API docs list it as the scope
 * the endpoint requires (and the minimum domain role), and the personal access token check reads it to name a
 * missing scope. The services still run the authorization check themselves.
 *
 * <p>Path variable conventions of every annotated endpoint: {@value #DOMAIN_ID} is the domain (absent for
 * the operations that are not {@link Operation#isDomainBound() bound to a domain}); {@value #ENTITY_ID} is the
 * entity the operation acts on, of {@link Operation#entityType()} (absent for {@code domains} operations, whose
 * entity is the domain itself, and for the create_/list_ operations).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresOperation {

    /** The path variable holding the domain id. */
    String DOMAIN_ID = "domainId";
    /** The path variable holding the id of the client, channel or group the operation acts on. */
    String ENTITY_ID = "id";

    Operation value();
}
