package dev.scopekeeper.authz;

import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.TaggedCache;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserAccountChanged;
import dev.scopekeeper.security.UserDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link AccessFacts} by (user, domain): read in one statement ({@link UserDirectory#accessFacts}), memoised for
 * the current HTTP request (a request attribute, gone with the request) and cached in Caffeine. Every change
 * evicts after commit, by user ({@link UserAccountChanged}: disable, enable, role change) or by domain and
 * membership ({@link AccessFactsChanged}: membership added, changed or removed, domain created, changed or
 * deleted), with {@link TaggedCache}'s rule that a load begun before an eviction is never stored after it. So
 * a demotion, removal or disable bites on the very next request, on every node of a cluster
 * ({@link CacheEvictions}).
 *
 * <p>Inside a read-write transaction the facts are read from the database every time and neither memoised nor
 * cached: a transaction that just changed a membership sees its own change, and stores nothing uncommitted.
 */
@Component
public class AccessFactsCache implements MeterBinder {

    /** The "domain" of the unbound checks (platform role and enabled flag only): no domain has id 0. */
    static final long NO_DOMAIN = 0;

    private static final String MEMO = AccessFactsCache.class.getName() + ".memo";

    record Key(long userId, long domainId) {}

    private final UserDirectory users;
    private final TaggedCache<Key, AccessFacts> cache;

    AccessFactsCache(
            UserDirectory users,
            CacheEvictions evictions,
            @Value("${scopekeeper.authz.facts-cache-ttl:30s}") Duration ttl,
            @Value("${scopekeeper.authz.facts-cache-size:100000}") long size) {
        this.users = users;
        this.cache = evictions.cache(
                "access-facts", ttl, size, (key, facts) -> List.of(userTag(key.userId()), domainTag(key.domainId())));
    }

    AccessFacts of(long userId, long domainId) {
        Key key = new Key(userId, domainId);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return load(key);
        }
        Map<Key, AccessFacts> memo = memo(true);
        AccessFacts facts = memo == null ? null : memo.get(key);
        if (facts == null) {
            // An unknown user is not cached: the id may belong to an account created a moment later.
            facts = cache.get(key, k -> users.accessFacts(k.userId(), k.domainId())
                    .map(AccessFactsCache::facts)
                    .orElse(null));
            if (facts == null) {
                facts = AccessFacts.NO_USER;
            }
            if (memo != null) {
                memo.put(key, facts);
            }
        }
        return facts;
    }

    /**
     * The user as a principal, read together with their facts in each of {@code domainIds}, which are cached
     * (under the same rule as every load): a personal access token's first use reads its owner and the facts of
     * its scopes' domains in one statement, so its first request needs no separate facts query.
     */
    public Optional<ScopekeeperPrincipal> principalPreloading(long userId, Set<Long> domainIds) {
        long stamp = cache.stamp();
        Set<Long> withUnbound = new HashSet<>(domainIds);
        withUnbound.add(NO_DOMAIN);
        return users.principalWithAccessFacts(userId, withUnbound).map(loaded -> {
            loaded.factsByDomain().forEach((domainId, row) -> cache.put(new Key(userId, domainId), facts(row), stamp));
            return loaded.principal();
        });
    }

    /**
     * The user's facts in each of {@code domainIds}, read fresh in one statement whatever their number (neither
     * cached nor memoised): for showing what a token's scopes are worth, not for deciding a request. A user that
     * does not exist has {@link AccessFacts#NO_USER} everywhere.
     */
    Map<Long, AccessFacts> ofAll(long userId, Set<Long> domainIds) {
        Map<Long, AccessFacts> result = new java.util.HashMap<>();
        domainIds.forEach(d -> result.put(d, AccessFacts.NO_USER));
        users.principalWithAccessFacts(userId, domainIds)
                .ifPresent(loaded -> loaded.factsByDomain().forEach((d, row) -> result.put(d, facts(row))));
        return result;
    }

    private static AccessFacts facts(UserDirectory.AccessFactsRow row) {
        return new AccessFacts(
                row.enabled(),
                row.role(),
                row.domainStatus(),
                row.memberRole() == null ? null : DomainRole.valueOf(row.memberRole()));
    }

    private AccessFacts load(Key key) {
        return users.accessFacts(key.userId(), key.domainId())
                .map(AccessFactsCache::facts)
                .orElse(AccessFacts.NO_USER);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UserAccountChanged event) {
        cache.evict(userTag(event.userId()));
        forgetThisRequest();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccessFactsChanged event) {
        // A membership change evicts the domain's entries too: cheap, and the domain tag is the one a
        // concurrent load of (user, domain) is certain to carry.
        cache.evict(domainTag(event.domainId()));
        if (event.userId() != null) {
            cache.evict(userTag(event.userId()));
        }
        forgetThisRequest();
    }

    void evictAll() {
        cache.evictAll();
        forgetThisRequest();
    }

    long size() {
        return cache.size();
    }

    /** Hits, misses, evictions and size as {@code cache_*{cache="access_facts"}} on /actuator/prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache.caffeine(), "access_facts");
    }

    /** The request that made the change reads the new facts for the rest of it (e.g. a view refreshing). */
    private void forgetThisRequest() {
        Map<Key, AccessFacts> memo = memo(false);
        if (memo != null) {
            memo.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Key, AccessFacts> memo(boolean create) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        try {
            Map<Key, AccessFacts> memo =
                    (Map<Key, AccessFacts>) request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
            if (memo == null && create) {
                memo = new ConcurrentHashMap<>();
                request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
            }
            return memo;
        } catch (IllegalStateException requestAlreadyFinished) {
            return null;
        }
    }

    private static String userTag(long userId) {
        return "user:" + userId;
    }

    private static String domainTag(long domainId) {
        return "domain:" + domainId;
    }
}
