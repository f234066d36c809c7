package dev.scopekeeper.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The explicit exemption from {@link RequiresOperation} for a public method of a domain-bound service (domains,
 * members, invitations, clients, channels, groups, domain tokens) that performs no catalogue operation; {@link
 * #value()} says how it is authorized instead. {@code ArchitectureTest} fails for a public method of those services
 * that carries neither annotation.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotADomainOperation {

    /** How the method is authorized instead (e.g. "platform administrators only: @PreAuthorize"). */
    String value();
}
