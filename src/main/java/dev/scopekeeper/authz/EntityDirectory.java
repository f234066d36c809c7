package dev.scopekeeper.authz;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Existence and names of a domain's clients, channels and groups, without an access check: for
 * features that validate references on someone's behalf (a PAT scope names an entity) and must
 * say "not found" the same way for what is missing and for what lies in another domain.
 */
public interface EntityDirectory {

    /** The name of the entity of that type in that domain; empty when there is none (or it is elsewhere). */
    Optional<String> entityName(long domainId, EntityType type, long entityId);

    /**
     * The names of those entities of that type in that domain, in one query; ids that are missing (or lie in another
     * domain) are absent from the map. {@code DOMAINS} has no entities here: the map is empty.
     */
    Map<Long, String> entityNames(long domainId, EntityType type, Collection<Long> entityIds);
}
