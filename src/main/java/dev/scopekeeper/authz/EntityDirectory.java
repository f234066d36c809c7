package dev.scopekeeper.authz;

import java.util.Optional;

/**
 * Existence and names of a domain's clients, channels and groups, without an access check: for
 * features that validate references on someone's behalf (a PAT scope names an entity) and must
 * say "not found" the same way for what is missing and for what lies in another domain.
 */
public interface EntityDirectory {

    /** The name of the entity of that type in that domain; empty when there is none (or it is elsewhere). */
    Optional<String> entityName(long domainId, EntityType type, long entityId);
}
