package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kept totals of the PAT list: when a count is kept, reused, and when it must be counted again. */
class PatListCountsTest {

    final PatListCounts counts = new PatListCounts();
    final AtomicInteger counted = new AtomicInteger();
    final Instant now = Instant.parse("2026-12-02T00:00:00Z");
    final PatListCounts.Filter all = new PatListCounts.Filter(null, null);
    final PatListCounts.Filter active = new PatListCounts.Filter(PatStatus.ACTIVE, null);

    private long total(PatListCounts.Filter filter, Instant at, long value, Optional<Instant> nextExpiry) {
        return counts.total(
                7L,
                filter,
                at,
                () -> {
                    counted.incrementAndGet();
                    return value;
                },
                () -> nextExpiry);
    }

    @Test
    void aCountIsKeptForTheOwnerAndFilterUntilTheOwnerIsEvicted() {
        assertThat(total(all, now, 5, Optional.empty())).isEqualTo(5);
        assertThat(total(all, now.plusSeconds(60), 99, Optional.empty())).isEqualTo(5);
        assertThat(counted).hasValue(1);

        counts.evict(7L);
        assertThat(total(all, now, 6, Optional.empty())).isEqualTo(6);
        assertThat(counted).hasValue(2);
    }

    @Test
    void anActiveCountHoldsOnlyUntilTheNextExpiryAndNotBeforeItWasCounted() {
        Instant expiry = now.plus(Duration.ofDays(1));
        assertThat(total(active, now, 5, Optional.of(expiry))).isEqualTo(5);
        assertThat(total(active, expiry.minusSeconds(1), 99, Optional.of(expiry)))
                .isEqualTo(5);
        assertThat(total(active, expiry, 4, Optional.empty())).isEqualTo(4);
        assertThat(total(active, now.minusSeconds(1), 3, Optional.empty())).isEqualTo(3);
        assertThat(counted).hasValue(3);
    }

    @Test
    void aCountDuringWhichAChangeWasEvictedIsNotKept() {
        long first = counts.total(
                7L,
                all,
                now,
                () -> {
                    counts.evict(7L); // a change of the owner's tokens commits while the count runs
                    return 5;
                },
                Optional::empty);
        assertThat(first).isEqualTo(5);
        assertThat(total(all, now, 6, Optional.empty())).isEqualTo(6);
        assertThat(counted).hasValue(1);
        assertThat(total(all, now, 99, Optional.empty())).isEqualTo(6);
    }

    @Test
    void aTokenChangeEndsEveryOwnersCounts() {
        total(all, now, 5, Optional.empty());
        counts.on(new PatEvents.TokenChanged(123L));
        assertThat(total(all, now, 6, Optional.empty())).isEqualTo(6);
    }
}
