package dev.scopekeeper.pat;

import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.TaggedCache;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
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
 * <p>A count is stored only if no change ended the owner's counts while it was being made ({@link TaggedCache}'s
 * rule), so a count read before a change committed is never kept after the change's eviction. Evictions reach
 * every node of a cluster ({@link CacheEvictions}); the items of a page are always read fresh.
 */
@Component
class PatListCounts {

    /** Published when an owner's list changed in a way no {@link PatEvents} event announces (create, rename). */
    record Changed(long ownerId) {}

    /** One filter of one owner's list: status null = all, name null = no search. */
    record Filter(PatStatus status, String name) {}

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final long SIZE = 100_000;

    private record Entry(long count, Instant countedAt, Instant validUntil) {

        boolean validAt(Instant now) {
            return !now.isBefore(countedAt) && (validUntil == null || now.isBefore(validUntil));
        }
    }

    private final TaggedCache<Key, Entry> counts;

    private record Key(long ownerId, Filter filter) {}

    @Autowired
    PatListCounts(CacheEvictions evictions) {
        this.counts = evictions.cache("pat-list-counts", TTL, SIZE, PatListCounts::tags);
    }

    /** A cache of this node alone (unit tests). */
    PatListCounts() {
        this.counts = new TaggedCache<>(TTL, SIZE, PatListCounts::tags);
    }

    /**
     * The owner's total for the filter: the kept count, or {@code count} (and, for Active/Expired,
     * {@code nextExpiry}: the earliest expiry after now of the owner's live tokens) run now and kept.
     */
    long total(long ownerId, Filter filter, Instant now, LongSupplier count, Supplier<Optional<Instant>> nextExpiry) {
        Key key = new Key(ownerId, filter);
        Entry entry = counts.getIfPresent(key);
        if (entry != null && entry.validAt(now)) {
            return entry.count();
        }
        long started = counts.stamp();
        long total = count.getAsLong();
        boolean timed = filter.status() == PatStatus.ACTIVE || filter.status() == PatStatus.EXPIRED;
        Instant validUntil = timed ? nextExpiry.get().orElse(null) : null;
        // Kept only if nothing ended the owner's counts while counting (TaggedCache's rule).
        counts.put(key, new Entry(total, now, validUntil), started);
        return total;
    }

    void evict(long ownerId) {
        counts.evict(ownerTag(ownerId));
    }

    void evictAll() {
        counts.evictAll();
    }

    private static List<String> tags(Key key, Entry entry) {
        return List.of(ownerTag(key.ownerId()));
    }

    private static String ownerTag(long ownerId) {
        return "owner:" + ownerId;
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
