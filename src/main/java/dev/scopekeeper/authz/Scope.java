package dev.scopekeeper.authz;

import java.util.Objects;

/**
 * One (domain, entity type, operation, entity) a personal access token may act on, as the authorization rule sees
 * it: {@code operation} is an operation's wire name or {@value #ANY} (all of the type's), {@code entity} an entity
 * id or {@value #ANY} (any in the domain). The {@code pat} feature stores scopes; this is their shape here, so the
 * rule ({@link AccessRule}) needs nothing from {@code pat}.
 */
public record Scope(long domainId, EntityType entityType, String operation, String entity) {

    public static final String ANY = "*";

    public Scope {
        Objects.requireNonNull(entityType);
        Objects.requireNonNull(operation);
        Objects.requireNonNull(entity);
    }

    /** Whether the scope grants {@code op} (its entity type, and the operation or {@code *}), wherever. */
    public boolean covers(Operation op) {
        return entityType == op.entityType() && (ANY.equals(operation) || operation.equals(op.wireName()));
    }

    /**
     * Whether the scope reaches the entity: the operation acts on the domain itself, the scope names {@code *}, or
     * that id. No entity named ({@code null}: a question about every entity of the type, as the decision API and
     * the simulator may ask) is reached only by {@code *}: a scope on client 1 does not answer for all clients.
     */
    public boolean reaches(Operation op, Long entityIdOrNull) {
        return op.entityType() == EntityType.DOMAINS
                || ANY.equals(entity)
                || (entityIdOrNull != null && entity.equals(entityIdOrNull.toString()));
    }

    /** The narrowest scope that allows exactly {@code op} on the entity (or any entity, when none is named). */
    public static Scope exactly(long domainId, Operation op, Long entityIdOrNull) {
        String entity =
                entityIdOrNull == null || op.entityType() == EntityType.DOMAINS ? ANY : entityIdOrNull.toString();
        return new Scope(domainId, op.entityType(), op.wireName(), entity);
    }
}
