package dev.scopekeeper.authz;

import java.util.Optional;
import java.util.Set;

/**
 * Narrows what the caller may do beyond their domain role, e.g. a personal access token limited to
 * its scopes. Every bean of this type is consulted by {@link DomainAccess} after the role check; an
 * implementation decides itself whether the current request concerns it (and does nothing if not).
 */
public interface AccessRestriction {

    /**
     * Throws a {@link dev.scopekeeper.base.ServiceException} (usually Forbidden or NotFound) when the caller
     * may not perform {@code op} in the domain. {@code entityIdOrNull} is the client, channel or group the
     * operation acts on, or null for {@code domains} operations (the domain is then the entity).
     */
    void check(long domainId, Operation op, Long entityIdOrNull);

    /** Which entities of the type lists may show; empty = no restriction, an empty set = none. */
    Optional<Set<Long>> visibleEntityIds(long domainId, EntityType type);

    /** Like {@link #check} for operations that are not bound to one domain ({@link Operation#isDomainBound()}). */
    default void checkUnbound(Operation op) {}

    /** Which domains {@code domains.list} / {@code domains.list_invitation} may show; empty = no restriction. */
    default Optional<Set<Long>> visibleDomainIds(Operation op) {
        return Optional.empty();
    }
}
