package dev.scopekeeper.pat;

/**
 * A scope as shown: ids plus the names people recognise. {@code operation} and {@code entity} are
 * {@code *} for "all operations" / "any entity"; {@code entityName} is null for {@code *}.
 */
public record PatScopeView(
        long id,
        long domainId,
        String domainName,
        String entityType,
        String operation,
        String entity,
        String entityName) {}
