package dev.scopekeeper.pat;

import dev.scopekeeper.authz.DomainDirectory;
import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Scope;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scopes as shown, with the names of their domains and entities resolved in batches: one query for the domain
 * names and one per (domain, entity type) that names an entity, however many scopes there are (no query per
 * scope).
 */
final class PatScopeViews {

    private final DomainDirectory domains;
    private final EntityDirectory entities;

    PatScopeViews(DomainDirectory domains, EntityDirectory entities) {
        this.domains = domains;
        this.entities = entities;
    }

    /** The views of these scopes, sorted by domain name, entity type, operation and entity. */
    List<PatScopeView> of(Collection<PatScope> scopes) {
        List<Stored> distinct = new LinkedHashSet<>(scopes)
                .stream()
                        .map(s -> new Stored(s.getId() == null ? 0 : s.getId(), s.key()))
                        .toList();
        return views(distinct).stream()
                .sorted(Comparator.comparing(PatScopeView::domainName)
                        .thenComparing(PatScopeView::entityType)
                        .thenComparing(PatScopeView::operation)
                        .thenComparing(PatScopeView::entity))
                .toList();
    }

    /**
     * The views of scopes as the rule sees them (a token's scope it names, or one it suggests; id 0), by scope,
     * names resolved in the same batches as {@link #of}.
     */
    Map<Scope, PatScopeView> ofScopes(Collection<Scope> scopes) {
        List<Scope> distinct = List.copyOf(new LinkedHashSet<>(scopes));
        List<PatScopeView> views = views(distinct.stream()
                .map(s -> new Stored(0, new PatScope.Key(s.domainId(), s.entityType(), s.operation(), s.entity())))
                .toList());
        Map<Scope, PatScopeView> byScope = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byScope.put(distinct.get(i), views.get(i));
        }
        return byScope;
    }

    private record Stored(long id, PatScope.Key key) {}

    /** One view per scope, in their order. */
    private List<PatScopeView> views(List<Stored> scopes) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        Set<Long> domainIds = new TreeSet<>();
        Map<Long, Map<EntityType, Set<Long>>> wanted = new HashMap<>();
        for (Stored scope : scopes) {
            PatScope.Key key = scope.key();
            domainIds.add(key.domainId());
            entityId(key).ifPresent(id -> wanted.computeIfAbsent(key.domainId(), d -> new HashMap<>())
                    .computeIfAbsent(key.entityType(), t -> new TreeSet<>())
                    .add(id));
        }
        Map<Long, String> domainNames = domains.domainNames(domainIds);
        Map<Long, Map<EntityType, Map<Long, String>>> entityNames = new HashMap<>();
        wanted.forEach((domainId, byType) -> byType.forEach((type, ids) -> entityNames
                .computeIfAbsent(domainId, d -> new HashMap<>())
                .put(type, entities.entityNames(domainId, type, ids))));
        return scopes.stream()
                .map(s -> {
                    PatScope.Key key = s.key();
                    String domainName = domainNames.getOrDefault(key.domainId(), "#" + key.domainId());
                    String entityName = PatScope.ANY.equals(key.entity())
                            ? null
                            : key.entityType() == EntityType.DOMAINS
                                    ? domainName
                                    : entityId(key)
                                            .map(id -> entityNames
                                                    .getOrDefault(key.domainId(), Map.of())
                                                    .getOrDefault(key.entityType(), Map.of())
                                                    .get(id))
                                            .orElse("#" + key.entity());
                    return new PatScopeView(
                            s.id(),
                            key.domainId(),
                            domainName,
                            key.entityType().wireName(),
                            key.operation(),
                            key.entity(),
                            entityName);
                })
                .toList();
    }

    String domainName(long domainId) {
        return domains.domainName(domainId).orElse("#" + domainId);
    }

    /** The entity id a scope names, empty for {@code *} and for {@code domains} scopes. */
    private static java.util.Optional<Long> entityId(PatScope.Key key) {
        if (PatScope.ANY.equals(key.entity()) || key.entityType() == EntityType.DOMAINS) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(key.entity()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
