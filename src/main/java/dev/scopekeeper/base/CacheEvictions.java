package dev.scopekeeper.base;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place where cache evictions leave this node and arrive from the others. Every {@link TaggedCache} that
 * holds something another node can change is made here ({@link #cache}) under a name; its evictions (which the
 * caches' owners make after commit) are evicted locally first and then handed to the {@link Transport} as small
 * {@link Eviction} messages; a received message is evicted locally only, never sent on. The evictions one
 * transaction's after-commit listeners make travel as <em>one</em> message, sent when the transaction has
 * completed and applied in one go: a node never serves a request between two evictions of one change (e.g. a
 * disabled owner's access facts gone but their token still cached, which would answer 404 instead of 401).
 *
 * <p>Partition safety: with a cluster configured ({@code scopekeeper.cluster.members}) the caches start
 * <em>untrusted</em> and the transport says when this node is connected to every configured member
 * ({@link #trust}) and when it is not ({@link #distrust}). While untrusted every cache reads through to the
 * database and stores nothing, so an eviction this node could not receive cannot stretch a revocation; before
 * they are trusted again every cache is cleared. A single node (no cluster) trusts its caches from the start and
 * has no transport.
 */
@Component
public class CacheEvictions {

    /** One eviction: a tag of the named cache, or (tag null) all of it. */
    public record Item(String cache, String tag) implements Serializable {}

    /** The evictions of one change, from the node {@code origin}. */
    public record Eviction(String origin, List<Item> items) implements Serializable {

        public Eviction {
            items = List.copyOf(items);
        }
    }

    /** Sends evictions to the other nodes. */
    public interface Transport {
        void send(Eviction eviction);
    }

    /** What a cache asks its hub. */
    interface Hub {
        boolean trusted();

        void published(String cache, String tag);
    }

    private static final Logger log = LoggerFactory.getLogger(CacheEvictions.class);

    private final Map<String, TaggedCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final String origin = java.util.UUID.randomUUID().toString();
    private final Object trustLock = new Object();
    private volatile boolean trusted;
    private volatile Transport transport;
    private final Hub hub = new Hub() {
        @Override
        public boolean trusted() {
            return trusted;
        }

        @Override
        public void published(String cache, String tag) {
            if (transport == null) {
                return;
            }
            Item item = new Item(cache, tag);
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                send(List.of(item));
                return;
            }
            // After commit, inside the transaction's synchronization: collect, send once it has completed (the
            // batch lives in the transaction's own synchronizations, so it cannot outlive it).
            Batch batch = null;
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof Batch existing && existing.owner() == CacheEvictions.this) {
                    batch = existing;
                }
            }
            if (batch == null) {
                batch = new Batch();
                TransactionSynchronizationManager.registerSynchronization(batch);
            }
            batch.items.add(item);
        }
    };

    /** The evictions of one transaction, sent when it has completed. */
    private final class Batch implements TransactionSynchronization {
        final List<Item> items = new ArrayList<>();

        CacheEvictions owner() {
            return CacheEvictions.this;
        }

        @Override
        public void afterCompletion(int status) {
            send(items);
        }
    }

    private void send(List<Item> items) {
        Transport current = transport;
        if (current == null || items.isEmpty()) {
            return;
        }
        try {
            current.send(new Eviction(origin, items));
        } catch (RuntimeException e) {
            // The other nodes may keep a stale entry: stop trusting ours until the cluster is whole again, when
            // every node clears its caches.
            log.warn("Could not publish a cache eviction to the cluster; caches bypassed until it is whole", e);
            distrust();
        }
    }

    public CacheEvictions(@Value("${scopekeeper.cluster.members:}") String clusterMembers) {
        this.trusted = clusterMembers == null || clusterMembers.isBlank();
    }

    /** A new cache, named uniquely across the application; its evictions reach every node. */
    public <K, V> TaggedCache<K, V> cache(
            String name, Duration ttl, long maximumSize, BiFunction<K, V, Collection<String>> tagsOf) {
        TaggedCache<K, V> cache = new TaggedCache<>(hub, name, ttl, maximumSize, tagsOf);
        if (caches.putIfAbsent(name, cache) != null) {
            throw new IllegalStateException("two caches named " + name);
        }
        return cache;
    }

    /** From now on evictions go to {@code transport} (the cluster module connects it). */
    public void connect(Transport transport) {
        this.transport = transport;
    }

    /** An eviction from another node: applied to this node's cache only. Own messages are ignored. */
    public void received(Eviction eviction) {
        if (origin.equals(eviction.origin())) {
            return;
        }
        for (Item item : eviction.items()) {
            TaggedCache<?, ?> cache = caches.get(item.cache());
            if (cache == null) {
                log.warn("Eviction for unknown cache {} ignored", item.cache());
            } else if (item.tag() == null) {
                cache.evictAllLocally();
            } else {
                cache.evictLocally(item.tag());
            }
        }
    }

    /** This node may have missed evictions: its caches are bypassed until {@link #trust}. */
    public void distrust() {
        synchronized (trustLock) {
            if (trusted) {
                log.warn("Not connected to every cluster member: caches bypassed (reading through to the database)");
            }
            trusted = false;
            caches.values().forEach(TaggedCache::evictAllLocally);
        }
    }

    /** Connected to every member again: every cache is cleared, then trusted. */
    public void trust() {
        synchronized (trustLock) {
            if (trusted) {
                return;
            }
            caches.values().forEach(TaggedCache::evictAllLocally);
            trusted = true;
            log.info("Connected to every cluster member: caches cleared and in use again");
        }
    }

    public boolean trusted() {
        return trusted;
    }
}
