package dev.scopekeeper.pat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verified tokens by digest, so the hot path does not query the database on every request. Writes
 * evict their entries right after commit (revoke, regenerate, scope changes, delete, owner
 * changes); a short time-to-live is the backstop for changes made on another node.
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

    private final Cache<String, Optional<Entry>> byDigest;

    PatCache(
            @Value("${scopekeeper.pat.cache-ttl:30s}") Duration ttl,
            @Value("${scopekeeper.pat.cache-size:100000}") long size) {
        this.byDigest = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(size)
                .recordStats()
                .build();
    }

    /** The entry for the digest, loading it on a miss; an unknown digest is remembered as empty. */
    Optional<Entry> get(String digest, Function<String, Optional<Entry>> loader) {
        return byDigest.get(digest, loader);
    }

    /** Hits, misses, evictions and size as {@code cache_*{cache="pat"}} on /actuator/prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, byDigest, "pat");
    }

    void evictAll() {
        byDigest.invalidateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.TokenChanged event) {
        byDigest.asMap().values().removeIf(e -> e.isPresent() && e.get().patId() == event.patId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.OwnerChanged event) {
        byDigest.asMap().values().removeIf(e -> e.isPresent() && e.get().owner().id() == event.ownerId());
    }

    /** An account was disabled, enabled or changed role: its tokens are looked at again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UserAccountChanged event) {
        on(new PatEvents.OwnerChanged(event.userId()));
    }

    long size() {
        return byDigest.estimatedSize();
    }
}
