package dev.scopekeeper.authz;

/**
 * Published when a fact {@link DomainAccess} decides on changes: a membership of {@code userId} in
 * {@code domainId} was added, changed or removed, or (userId null) the domain itself was created, changed or
 * deleted. The cached facts are evicted after commit. Account changes travel as
 * {@link dev.scopekeeper.security.UserAccountChanged}.
 */
public record AccessFactsChanged(long domainId, Long userId) {

    public static AccessFactsChanged ofDomain(long domainId) {
        return new AccessFactsChanged(domainId, null);
    }

    public static AccessFactsChanged ofMembership(long domainId, long userId) {
        return new AccessFactsChanged(domainId, userId);
    }
}
