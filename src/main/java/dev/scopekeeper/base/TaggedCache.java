package dev.scopekeeper.base;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A Caffeine cache whose entries carry tags (e.g. {@code "pat:17"}, {@code "owner:5"}), evicted by tag through an
 * index (no scan of every entry), with the rule that makes eviction safe against concurrent loads: <b>a loaded
 * value is stored only if no eviction of any of its tags happened since the load began</b>. So a load that read
 * the database before a change committed can never be stored after the change's eviction, in any interleaving.
 *
 * <p>How: every eviction takes the next number of a global sequence and records it for its tag (in one of
 * {@value #STRIPES} stripes chosen by the tag's hash, so memory stays bounded; two tags sharing a stripe only
 * cost a skipped store). A load notes the sequence before it starts; storing (check, put, index) and evicting
 * (record, remove) hold one lock, so one of them strictly precedes the other: either the eviction removes the
 * stored entry, or the store sees the eviction and skips. Loads are not coalesced (no Caffeine compute): a
 * caller that starts after an eviction must not wait for, and receive, a load that began before it. Hits take
 * no lock.
 *
 * <p>Caches made by {@link CacheEvictions#cache} also send every eviction to the other nodes of a cluster, and
 * read through to the loader (storing nothing) while this node cannot trust its caches.
 */
public final class TaggedCache<K, V> {

    static final int STRIPES = 4096;

    private final Cache<K, V> cache;
    private final BiFunction<K, V, Collection<String>> tagsOf;
    private final ConcurrentHashMap<String, Set<K>> keysByTag = new ConcurrentHashMap<>();
    private final AtomicLongArray evictedAt = new AtomicLongArray(STRIPES);
    private final Object lock = new Object();
    private long sequence;
    private volatile long sequenceSnapshot;
    private long allEvictedAt;
    private final CacheEvictions.Hub hub;
    private final String name;

    /** {@code tagsOf} names the tags of an entry (a function of key and value, never changing for one value). */
    public TaggedCache(Duration ttl, long maximumSize, BiFunction<K, V, Collection<String>> tagsOf) {
        this(null, null, ttl, maximumSize, tagsOf);
    }

    /**
     * A cache whose evictions {@code hub} publishes to the other nodes (after the local eviction), and which
     * {@code hub} bypasses while the node cannot trust its caches (see {@link CacheEvictions}).
     */
    TaggedCache(
            CacheEvictions.Hub hub,
            String name,
            Duration ttl,
            long maximumSize,
            BiFunction<K, V, Collection<String>> tagsOf) {
        this.hub = hub;
        this.name = name;
        this.tagsOf = tagsOf;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .recordStats()
                // Asynchronous (Caffeine's executor), so it may take the lock: drop expired or size-evicted
                // entries from the index unless the key has been stored again meanwhile.
                .<K, V>removalListener((key, value, cause) -> {
                    if (key != null && value != null && cause != RemovalCause.REPLACED) {
                        unindex(key, value);
                    }
                })
                .build();
    }

    /** The Caffeine cache itself, for metrics only. */
    public Cache<K, V> caffeine() {
        return cache;
    }

    /** The cached value, or {@code loader}'s (stored under the rule above); null from the loader is not stored. */
    public V get(K key, Function<K, V> loader) {
        if (!trusted()) {
            return loader.apply(key);
        }
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long start = sequenceSnapshot;
        V loaded = loader.apply(key);
        if (loaded != null) {
            store(key, loaded, start);
        }
        return loaded;
    }

    /** The cached value or null (always null while the node cannot trust its caches). */
    public V getIfPresent(K key) {
        return trusted() ? cache.getIfPresent(key) : null;
    }

    /** Stores a value loaded by the caller, who read {@link #stamp()} before loading it. */
    public void put(K key, V value, long stamp) {
        store(key, value, stamp);
    }

    /** The point a load begins at, for {@link #put}. */
    public long stamp() {
        return sequenceSnapshot;
    }

    /** Every entry tagged {@code tag} goes, and no load that began before this call will store one. */
    public void evict(String tag) {
        evictLocally(tag);
        if (hub != null) {
            hub.published(name, tag);
        }
    }

    public void evictAll() {
        evictAllLocally();
        if (hub != null) {
            hub.published(name, null);
        }
    }

    /**
     * Replaces, on this node, every entry tagged {@code tag} by {@code remap}'s value for it (null removes it), for a
     * cache that can bring its entries up to date itself (e.g. a count adjusted by a known change); the tags of an
     * entry must not change. Other nodes are not told: see {@link #evictElsewhere}.
     */
    public void computeIfPresent(String tag, BiFunction<K, V, V> remap) {
        synchronized (lock) {
            Set<K> keys = keysByTag.get(tag);
            if (keys == null) {
                return;
            }
            for (K key : Set.copyOf(keys)) {
                if (cache.asMap().computeIfPresent(key, remap) == null) {
                    keys.remove(key);
                }
            }
            if (keys.isEmpty()) {
                keysByTag.remove(tag);
            }
        }
    }

    /** A copy of this node's entries tagged {@code tag} (e.g. to decide how to bring them up to date). */
    public java.util.Map<K, V> entries(String tag) {
        synchronized (lock) {
            Set<K> keys = keysByTag.get(tag);
            java.util.Map<K, V> entries = new java.util.HashMap<>();
            if (keys != null) {
                for (K key : keys) {
                    V value = cache.getIfPresent(key);
                    if (value != null) {
                        entries.put(key, value);
                    }
                }
            }
            return entries;
        }
    }

    /**
     * As {@link #computeIfPresent}, but an entry may also move to another key ({@code remap} gives the new key and
     * value, or null to remove it), e.g. a kept page position whose offset shifts by a known change. The new key's
     * tags must include {@code tag}; when two entries move to one key, either is kept. This node only.
     */
    public void remapIfPresent(String tag, BiFunction<K, V, java.util.Map.Entry<K, V>> remap) {
        synchronized (lock) {
            Set<K> keys = keysByTag.remove(tag);
            if (keys == null) {
                return;
            }
            java.util.Map<K, V> moved = new java.util.HashMap<>();
            for (K key : keys) {
                V value = cache.getIfPresent(key);
                if (value == null) {
                    continue;
                }
                java.util.Map.Entry<K, V> next = remap.apply(key, value);
                cache.invalidate(key);
                if (next != null) {
                    moved.put(next.getKey(), next.getValue());
                }
            }
            moved.forEach((key, value) -> {
                cache.put(key, value);
                for (String t : tagsOf.apply(key, value)) {
                    keysByTag
                            .computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet())
                            .add(key);
                }
            });
        }
    }

    /** {@link #evict} on the other nodes only: this node brought its entries up to date itself. */
    public void evictElsewhere(String tag) {
        if (hub != null) {
            hub.published(name, tag);
        }
    }

    /** {@link #evict} on this node only (an eviction received from another node). */
    void evictLocally(String tag) {
        synchronized (lock) {
            long at = next();
            evictedAt.set(stripe(tag), at);
            Set<K> keys = keysByTag.remove(tag);
            if (keys != null) {
                cache.invalidateAll(keys);
            }
        }
    }

    /** {@link #evictAll} on this node only. */
    void evictAllLocally() {
        synchronized (lock) {
            allEvictedAt = next();
            cache.invalidateAll();
            keysByTag.clear();
        }
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Tags with an index entry (tests check the index does not outgrow the cache). */
    int indexedTags() {
        return keysByTag.size();
    }

    private long next() {
        sequence++;
        sequenceSnapshot = sequence;
        return sequence;
    }

    private boolean trusted() {
        return hub == null || hub.trusted();
    }

    private void store(K key, V value, long start) {
        Collection<String> tags = tagsOf.apply(key, value);
        synchronized (lock) {
            if (allEvictedAt > start || !trusted()) {
                return;
            }
            for (String tag : tags) {
                if (evictedAt.get(stripe(tag)) > start) {
                    return;
                }
            }
            cache.put(key, value);
            for (String tag : tags) {
                keysByTag
                        .computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet())
                        .add(key);
            }
        }
    }

    private void unindex(K key, V value) {
        synchronized (lock) {
            if (cache.asMap().containsKey(key)) {
                return;
            }
            for (String tag : tagsOf.apply(key, value)) {
                keysByTag.computeIfPresent(tag, (t, keys) -> {
                    keys.remove(key);
                    return keys.isEmpty() ? null : keys;
                });
            }
        }
    }

    private static int stripe(String tag) {
        return Math.floorMod(tag.hashCode() * 0x9E3779B9, STRIPES);
    }
}
