package dev.scopekeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The eviction bus without a second Spring context: two "nodes" (two {@link CacheEvictions}) joined by a transport
 * that delivers synchronously, and the partition rule (untrusted caches read through and store nothing; trusted
 * again only after being cleared).
 */
class CacheEvictionsTest {

    record Value(long token, String version) {}

    /** Delivers to the other node and remembers what was sent. */
    static final class Wire implements CacheEvictions.Transport {
        final List<CacheEvictions.Eviction> sent = new ArrayList<>();
        CacheEvictions to;

        @Override
        public void send(CacheEvictions.Eviction eviction) {
            sent.add(eviction);
            if (to != null) {
                to.received(eviction);
            }
        }
    }

    private final CacheEvictions node1 = new CacheEvictions("127.0.0.1:5701,127.0.0.1:5702");
    private final CacheEvictions node2 = new CacheEvictions("127.0.0.1:5701,127.0.0.1:5702");
    private final Wire wire1 = new Wire();
    private final Wire wire2 = new Wire();
    private final TaggedCache<String, Value> cache1 = cacheOf(node1);
    private final TaggedCache<String, Value> cache2 = cacheOf(node2);

    private static TaggedCache<String, Value> cacheOf(CacheEvictions node) {
        return node.cache("pat", Duration.ofMinutes(1), 100, (key, v) -> List.of("pat:" + v.token()));
    }

    private void connected() {
        wire1.to = node2;
        wire2.to = node1;
        node1.connect(wire1);
        node2.connect(wire2);
        node1.trust();
        node2.trust();
    }

    @Test
    void aSingleNodeTrustsItsCachesAndSendsNothing() {
        CacheEvictions single = new CacheEvictions("");
        TaggedCache<String, Value> cache = cacheOf(single);
        AtomicInteger loads = new AtomicInteger();

        cache.get("a", k -> new Value(1, "v" + loads.incrementAndGet()));
        cache.get("a", k -> new Value(1, "v" + loads.incrementAndGet()));

        assertThat(single.trusted()).isTrue();
        assertThat(loads).hasValue(1);
    }

    @Test
    void anEvictionOnOneNodeEvictsTheOtherNodesEntryAndIsNotSentBack() {
        connected();
        cache1.get("a", k -> new Value(1, "old"));
        cache2.get("a", k -> new Value(1, "old"));

        cache1.evict("pat:1");

        assertThat(cache2.get("a", k -> new Value(1, "new")).version()).isEqualTo("new");
        assertThat(cache1.get("a", k -> new Value(1, "new")).version()).isEqualTo("new");
        assertThat(wire1.sent)
                .containsExactly(new CacheEvictions.Eviction(
                        wire1.sent.getFirst().origin(), List.of(new CacheEvictions.Item("pat", "pat:1"))));
        assertThat(wire2.sent).as("a received eviction is not published again").isEmpty();
    }

    @Test
    void theEvictionsOfOneTransactionTravelAsOneMessageOnceItHasCompleted() {
        connected();
        cache2.get("a", k -> new Value(1, "old"));
        cache2.get("b", k -> new Value(2, "old"));

        TransactionSynchronizationManager.initSynchronization();
        try {
            cache1.evict("pat:1"); // as two after-commit listeners of one change do
            cache1.evict("pat:2");
            assertThat(wire1.sent).isEmpty();
            assertThat(cache2.size()).isEqualTo(2);
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.clearSynchronization();
            }
        }

        assertThat(wire1.sent).hasSize(1);
        assertThat(wire1.sent.getFirst().items())
                .containsExactly(new CacheEvictions.Item("pat", "pat:1"), new CacheEvictions.Item("pat", "pat:2"));
        assertThat(cache2.size()).isZero();
    }

    @Test
    void evictAllReachesTheOtherNodeAsAllOfTheCache() {
        connected();
        cache2.get("a", k -> new Value(1, "old"));
        cache2.get("b", k -> new Value(2, "old"));

        cache1.evictAll();

        assertThat(cache2.size()).isZero();
        assertThat(wire1.sent.getFirst().items().getFirst().tag()).isNull();
    }

    @Test
    void aNodeIgnoresItsOwnMessages() {
        connected();
        wire1.to = null;
        cache1.evict("pat:99");
        CacheEvictions.Eviction own = new CacheEvictions.Eviction(
                wire1.sent.getFirst().origin(), List.of(new CacheEvictions.Item("pat", "pat:1")));
        cache1.get("a", k -> new Value(1, "kept"));

        node1.received(own);

        assertThat(cache1.get("a", k -> new Value(1, "reloaded")).version()).isEqualTo("kept");
    }

    @Test
    void aClusteredNodeStartsUntrustedAndReadsThroughWithoutStoring() {
        AtomicInteger loads = new AtomicInteger();

        cache1.get("a", k -> new Value(1, "v" + loads.incrementAndGet()));
        Value second = cache1.get("a", k -> new Value(1, "v" + loads.incrementAndGet()));

        assertThat(node1.trusted()).isFalse();
        assertThat(second.version()).isEqualTo("v2");
        assertThat(cache1.size()).isZero();
    }

    @Test
    void aPartitionedNodeReadsThroughAndIsClearedBeforeItTrustsItsCachesAgain() {
        connected();
        cache2.get("a", k -> new Value(1, "before the partition"));

        node2.distrust();
        wire1.to = null; // node 2 misses this eviction
        cache1.evict("pat:1");
        assertThat(cache2.get("a", k -> new Value(1, "read through")).version()).isEqualTo("read through");
        assertThat(cache2.size()).isZero();

        node2.trust();
        assertThat(cache2.get("a", k -> new Value(1, "after rejoin")).version()).isEqualTo("after rejoin");
    }

    @Test
    void aLoadBegunBeforeAPartitionIsNotStoredAfterTheRejoin() {
        connected();
        long stamp = cache2.stamp();
        node2.distrust();
        node2.trust();

        cache2.put("a", new Value(1, "stale"), stamp);

        assertThat(cache2.size()).isZero();
    }

    @Test
    void aFailedPublishMakesTheSenderDistrustItsCaches() {
        node1.connect(eviction -> {
            throw new IllegalStateException("cluster gone");
        });
        node1.trust();

        cache1.evict("pat:1");

        assertThat(node1.trusted()).isFalse();
    }
}
