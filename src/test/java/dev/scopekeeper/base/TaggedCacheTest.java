package dev.scopekeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The eviction index and the "no store after an eviction that happened during the load" rule. */
class TaggedCacheTest {

    record Value(long token, long owner) {}

    private final TaggedCache<String, Value> cache = new TaggedCache<>(
            Duration.ofMinutes(1), 1000, (key, v) -> List.of("token:" + v.token(), "owner:" + v.owner()));

    @Test
    void aHitDoesNotLoadAndAnEvictionByEitherTagRemovesOnlyItsEntries() {
        AtomicInteger loads = new AtomicInteger();
        cache.get("a", k -> {
            loads.incrementAndGet();
            return new Value(1, 10);
        });
        cache.get("b", k -> new Value(2, 10));
        cache.get("c", k -> new Value(3, 20));
        cache.get("a", k -> {
            loads.incrementAndGet();
            return new Value(1, 10);
        });
        assertThat(loads).hasValue(1);

        cache.evict("token:1");
        assertThat(cache.caffeine().getIfPresent("a")).isNull();
        assertThat(cache.caffeine().getIfPresent("b")).isNotNull();

        cache.evict("owner:10");
        assertThat(cache.caffeine().getIfPresent("b")).isNull();
        assertThat(cache.caffeine().getIfPresent("c")).isNotNull();
    }

    @Test
    void aLoadDuringWhichItsTokenOrOwnerWasEvictedIsReturnedButNotStored() {
        Value loaded = cache.get("a", k -> {
            cache.evict("owner:10");
            return new Value(1, 10);
        });
        assertThat(loaded).isEqualTo(new Value(1, 10));
        assertThat(cache.caffeine().getIfPresent("a")).isNull();

        cache.get("b", k -> {
            cache.evict("token:2");
            return new Value(2, 10);
        });
        assertThat(cache.caffeine().getIfPresent("b")).isNull();

        cache.get("c", k -> {
            cache.evictAll();
            return new Value(3, 30);
        });
        assertThat(cache.caffeine().getIfPresent("c")).isNull();

        cache.get("d", k -> new Value(4, 40));
        assertThat(cache.caffeine().getIfPresent("d")).isNotNull();
    }

    @Test
    void evictedTagsLeaveNoIndexBehind() {
        for (int i = 0; i < 100; i++) {
            long token = i;
            cache.get("k" + i, k -> new Value(token, 7));
        }
        assertThat(cache.indexedTags()).isEqualTo(101);

        cache.evict("owner:7");

        assertThat(cache.size()).isZero();
        // the token tags go when the removal listener has seen the entries leave (asynchronously)
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (cache.indexedTags() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(cache.indexedTags()).isZero();
    }
}
