package dev.scopekeeper.pat;

/**
 * A scope as asked for by the UI or the API: {@code entityType} and {@code operation} by wire name
 * ({@code operation} may be {@code *}), {@code entity} an id or {@code *} (or blank, meaning {@code *}).
 * For {@code domains} scopes the entity is always the domain itself.
 */
public record ScopeRequest(Long domainId, String entityType, String operation, String entity) {}
