package dev.scopekeeper.pat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@code total} of an owner's PAT list, counted once per filter and kept until it can have changed, so paging
 * through 100,000 tokens does not count them again on every page.
 *
 * <p>A count can change in two ways, and both end it:
 *
 * <ul>
 *   <li>a change of the owner's tokens (create, rename, delete, revoke, regenerate, scopes, ...): {@link Changed}
 *       for the owner, {@link PatEvents.OwnerChanged}, and {@link PatEvents.TokenChanged} (which does not say the
 *       owner, so it ends every owner's counts), each after commit;
 *   <li>time: an Active or Expired count holds only until the owner's next live token expires (asked with the
 *       count, one indexed query) and only from the instant it was counted (a test clock may go back).
 * </ul>
 *
 * <p>A count is stored only if no change ended counts while it was being made (a generation check), so a count
 * read before a change committed is never kept after the change's eviction. Per node: another node's changes
 * reach this cache only through their own events, so with several nodes a total may lag by the cache's lifetime
 * (5 minutes); the items of a page are always read fresh.
 */
@Component
class PatListCounts {

    /** Published when an owner's list changed in a way no {@link PatEvents} event announces (create, rename). */
    record Changed(long ownerId) {}

    /** One filter of one owner's list: status null = all, name null = no search. */
    record Filter(PatStatus status, String name) {}

    private record Entry(long count, Instant countedAt, Instant validUntil) {

        boolean validAt(Instant now) {
            return !now.isBefore(countedAt) && (validUntil == null || now.isBefore(validUntil));
        }
    }

    private final Cache<Long, Map<Filter, Entry>> byOwner = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private final AtomicLong generation = new AtomicLong();

    /**
     * The owner's total for the filter: the kept count, or {@code count} (and, for Active/Expired,
     * {@code nextExpiry}: the earliest expiry after now of the owner's live tokens) run now and kept.
     */
    long total(long ownerId, Filter filter, Instant now, LongSupplier count, Supplier<Optional<Instant>> nextExpiry) {
        Map<Filter, Entry> kept = byOwner.getIfPresent(ownerId);
        Entry entry = kept == null ? null : kept.get(filter);
        if (entry != null && entry.validAt(now)) {
            return entry.count();
        }
        long started = generation.get();
        long total = count.getAsLong();
        boolean timed = filter.status() == PatStatus.ACTIVE || filter.status() == PatStatus.EXPIRED;
        Instant validUntil = timed ? nextExpiry.get().orElse(null) : null;
        Entry fresh = new Entry(total, now, validUntil);
        byOwner.asMap().compute(ownerId, (id, filters) -> {
            if (generation.get() != started) {
                return filters; // something changed while counting: do not keep what may be stale
            }
            Map<Filter, Entry> map = filters == null ? new ConcurrentHashMap<>() : filters;
            map.put(filter, fresh);
            return map;
        });
        return total;
    }

    void evict(long ownerId) {
        generation.incrementAndGet();
        byOwner.invalidate(ownerId);
    }

    void evictAll() {
        generation.incrementAndGet();
        byOwner.invalidateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Changed event) {
        evict(event.ownerId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.OwnerChanged event) {
        evict(event.ownerId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.TokenChanged event) {
        evictAll();
    }
}
