package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.PlatformRole;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The authorization check every domain, member, invitation, group, client and channel service method runs
 * first. Order: the domain exists and the caller is a member (or platform ADMIN) - else NotFound, so
 * outsiders cannot probe which domains exist; the caller's role reaches {@link Operation#minimumRole()} -
 * else Forbidden; a disabled domain refuses every change except {@code domains.enable}; finally every
 * {@link AccessRestriction} bean (e.g. the scopes of a personal access token) has its say.
 * The decision itself is {@link AccessRule}'s; this class reads the facts and throws its refusals.
 * The facts (domain status, the account's enabled flag and platform role, the membership role) are read in one
 * statement and cached by {@link AccessFactsCache}, evicted after every commit that changes one of them, so a
 * demotion, removal or disable counts on the very next request.
 */
@Component
public class DomainAccess {

    private final CurrentUser currentUser;
    private final AccessFactsCache facts;
    private final ObjectProvider<AccessRestriction> restrictionBeans;
    /**
     * The {@link AccessRestriction} beans in order, resolved on first use: they are singletons, and resolving them
     * through the bean factory on every check (type matching, autowire candidates, sorting) was the largest cost of
     * a warm PAT request's authorization. Lazy because a restriction may itself depend on this class's callers.
     */
    private volatile List<AccessRestriction> restrictions;

    DomainAccess(CurrentUser currentUser, AccessFactsCache facts, ObjectProvider<AccessRestriction> restrictions) {
        this.currentUser = currentUser;
        this.facts = facts;
        this.restrictionBeans = restrictions;
    }

    private List<AccessRestriction> restrictions() {
        List<AccessRestriction> resolved = restrictions;
        if (resolved == null) {
            resolved = restrictionBeans.orderedStream().toList();
            restrictions = resolved;
        }
        return resolved;
    }

    public void require(long domainId, Operation op, Long entityIdOrNull) {
        if (!op.isDomainBound()) {
            throw new IllegalArgumentException(op + " is not bound to a domain; use requireUnbound");
        }
        AccessRule.decideOwner(facts.of(currentUser.id(), domainId), op).orThrow();
        for (AccessRestriction restriction : restrictions()) {
            restriction.check(domainId, op, entityIdOrNull);
        }
    }

    /** For {@code domains.create}, {@code domains.list} and {@code domains.list_invitation}. */
    public void requireUnbound(Operation op) {
        if (op.isDomainBound()) {
            throw new IllegalArgumentException(op + " is bound to a domain; use require");
        }
        AccessRule.decideOwnerUnbound(facts.of(currentUser.id(), AccessFactsCache.NO_DOMAIN), op)
                .orThrow();
        for (AccessRestriction restriction : restrictions()) {
            restriction.checkUnbound(op);
        }
    }

    /**
     * The whole {@link AccessRule} for any owner and token, not the current caller: whether {@code grant} (null =
     * the owner's user credentials) may perform {@code op} in the domain on the entity. {@code entityExists}: whether
     * the entity is there (the caller looks it up; true for {@code domains} operations). Checks nothing about who
     * asks: callers (the token's simulator, the decision API for other services) do that.
     */
    public AccessDecision decide(
            long ownerId, TokenGrant grant, long domainId, Operation op, Long entityIdOrNull, boolean entityExists) {
        return AccessRule.decide(facts.of(ownerId, domainId), grant, domainId, op, entityIdOrNull, entityExists);
    }

    /** Like {@link #decide} for the operations not bound to a domain. */
    public AccessDecision decideUnbound(long ownerId, TokenGrant grant, Operation op) {
        return AccessRule.decideUnbound(facts.of(ownerId, AccessFactsCache.NO_DOMAIN), grant, op);
    }

    /**
     * {@link AccessRule#effect} of each scope for its owner, the facts of all their domains read in one statement
     * (the cost does not grow with the number of scopes). {@code entityExists}: whether the entity a scope names
     * is still there.
     */
    public Map<Scope, AccessDecision> effects(
            long ownerId, Collection<Scope> scopes, java.util.function.Predicate<Scope> entityExists) {
        if (scopes.isEmpty()) {
            return Map.of();
        }
        Set<Long> domainIds = new java.util.TreeSet<>();
        scopes.forEach(s -> domainIds.add(s.domainId()));
        Map<Long, AccessFacts> byDomain = facts.ofAll(ownerId, domainIds);
        Map<Scope, AccessDecision> result = new java.util.LinkedHashMap<>();
        for (Scope scope : scopes) {
            result.put(scope, AccessRule.effect(byDomain.get(scope.domainId()), scope, entityExists.test(scope)));
        }
        return result;
    }

    /**
     * The user's effective role in the domain right now: ADMIN for an enabled platform administrator, the
     * membership role for an enabled member, empty for everyone else or when the domain does not exist.
     */
    public Optional<DomainRole> roleOf(long userId, long domainId) {
        return facts.of(userId, domainId).effectiveRole();
    }

    /** Whether the caller is an enabled platform administrator (who acts as admin of every domain). */
    public boolean isPlatformAdmin() {
        return facts.of(currentUser.id(), AccessFactsCache.NO_DOMAIN)
                .activeUserRole()
                .filter(r -> r == PlatformRole.ADMIN)
                .isPresent();
    }

    /** The entities of the type lists may show the caller; empty = all of them. */
    public Optional<Set<Long>> visibleEntityIds(long domainId, EntityType type) {
        return intersect(r -> r.visibleEntityIds(domainId, type));
    }

    /** The domains {@code op} may show the caller; empty = every domain the caller's role allows. */
    public Optional<Set<Long>> visibleDomainIds(Operation op) {
        return intersect(r -> r.visibleDomainIds(op));
    }

    private Optional<Set<Long>> intersect(Function<AccessRestriction, Optional<Set<Long>>> restriction) {
        List<Set<Long>> limits = restrictions().stream()
                .map(restriction)
                .flatMap(Optional::stream)
                .toList();
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> result = new HashSet<>(limits.getFirst());
        limits.forEach(result::retainAll);
        return Optional.of(Set.copyOf(result));
    }

    private static NotFound domainNotFound() {
        return new NotFound("domain.notFound");
    }
}
