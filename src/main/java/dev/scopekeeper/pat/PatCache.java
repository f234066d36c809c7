package dev.scopekeeper.pat;

import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.TaggedCache;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserAccountChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verified tokens by digest, so the hot path does not query the database on every request. Writes
 * evict their entries right after commit (revoke, regenerate, scope changes, delete, owner
 * changes) through an index by token id and owner id; {@link CacheEvictions} sends each eviction to the other
 * nodes of a cluster. The time-to-live only bounds memory.
 */
@Component
class PatCache implements MeterBinder {

    /** What authentication needs to know about a token, as of when it was loaded. */
    record Entry(
            long patId,
            ScopekeeperPrincipal owner,
            Instant revokedAt,
            Instant expiresAt,
            List<PatScope.Key> scopes,
            Instant previousSecretUntil) {

        Entry(long patId, ScopekeeperPrincipal owner, Instant revokedAt, Instant expiresAt, List<PatScope.Key> scopes) {
            this(patId, owner, revokedAt, expiresAt, scopes, null);
        }

        // --- rotation with grace (i15) ---

        /** This entry is for the secret a regeneration replaced, accepted until {@link #previousSecretUntil}. */
        boolean isPreviousSecret() {
            return previousSecretUntil != null;
        }
    }

    private final TaggedCache<String, Optional<Entry>> byDigest;

    PatCache(
            CacheEvictions evictions,
            @Value("${scopekeeper.pat.cache-ttl:30s}") Duration ttl,
            @Value("${scopekeeper.pat.cache-size:100000}") long size) {
        this.byDigest = evictions.cache("pat", ttl, size, (digest, entry) -> entry.map(
                        e -> List.of(patTag(e.patId()), ownerTag(e.owner().id())))
                .orElse(List.of()));
    }

    /**
     * The entry for the digest, loading it on a miss; an unknown digest is remembered as empty. A load is stored
     * only if no eviction of its token or owner happened since it began (see {@link TaggedCache}), so a revoke
     * racing another change of the same token or owner holds on the very next request.
     */
    Optional<Entry> get(String digest, Function<String, Optional<Entry>> loader) {
        return byDigest.get(digest, loader);
    }

    /** Hits, misses, evictions and size as {@code cache_*{cache="pat"}} on /actuator/prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, byDigest.caffeine(), "pat");
    }

    void evictAll() {
        byDigest.evictAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.TokenChanged event) {
        byDigest.evict(patTag(event.patId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.OwnerChanged event) {
        byDigest.evict(ownerTag(event.ownerId()));
    }

    /**
     * An account was disabled, enabled or changed role: its tokens are looked at again. First among the
     * listeners (and so first in the message to the other nodes): a request between this eviction and the access
     * facts' reloads the token and its owner, and a disabled owner's token is refused 401, never 404.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UserAccountChanged event) {
        on(new PatEvents.OwnerChanged(event.userId()));
    }

    private static String patTag(long patId) {
        return "pat:" + patId;
    }

    private static String ownerTag(long ownerId) {
        return "owner:" + ownerId;
    }

    long size() {
        return byDigest.size();
    }
}
