package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    void aBulkChangeOfTheOwnersTokensEndsTheirCountsOnly() {
        total(all, now, 5, Optional.empty());
        long other = counts.total(8L, all, now, () -> 40, Optional::empty);
        counts.on(new PatListCounts.Changed(7L));
        assertThat(total(all, now, 6, Optional.empty())).isEqualTo(6);
        assertThat(counts.total(8L, all, now, () -> 99, Optional::empty)).isEqualTo(other);
    }

    final Instant later = now.plus(Duration.ofDays(30));
    final PatListCounts.Filter revoked = new PatListCounts.Filter(PatStatus.REVOKED, null);
    final PatListCounts.Filter expired = new PatListCounts.Filter(PatStatus.EXPIRED, null);

    private PatListCounts.Row live(String name, Instant expiresAt) {
        return new PatListCounts.Row(name, null, expiresAt);
    }

    private void commit(PatListCounts.Delta... deltas) {
        counts.changing(7L);
        counts.changed(Set.of(7L), List.of(deltas));
    }

    @Test
    void aCreatedTokenAdjustsTheKeptCountsWithoutCountingAgain() {
        total(all, now, 5, Optional.empty());
        total(active, now, 3, Optional.of(later));
        total(revoked, now, 2, Optional.empty());

        commit(new PatListCounts.Delta(7L, null, live("new", null)));

        assertThat(total(all, now, 99, Optional.empty())).isEqualTo(6);
        assertThat(total(active, now, 99, Optional.of(later))).isEqualTo(4);
        assertThat(total(revoked, now, 99, Optional.empty())).isEqualTo(2);
        assertThat(counted).hasValue(3);
    }

    @Test
    void aRevokedTokenMovesFromActiveToRevokedAndADeletedOneLeavesAll() {
        total(all, now, 5, Optional.empty());
        total(active, now, 3, Optional.of(later));
        total(revoked, now, 2, Optional.empty());

        PatListCounts.Row before = live("a", later);
        PatListCounts.Row after = new PatListCounts.Row("a", now, later);
        commit(new PatListCounts.Delta(7L, before, after));
        assertThat(total(active, now, 99, Optional.of(later))).isEqualTo(2);
        assertThat(total(revoked, now, 99, Optional.empty())).isEqualTo(3);

        commit(new PatListCounts.Delta(7L, after, null));
        assertThat(total(revoked, now, 99, Optional.empty())).isEqualTo(2);
        assertThat(total(all, now, 99, Optional.empty())).isEqualTo(4);
        assertThat(counted).hasValue(3);
    }

    @Test
    void anExpiredTokenRegeneratedCountsAsActiveAndATokenExpiringSoonerShortensTheActiveCount() {
        Instant soon = now.plus(Duration.ofHours(1));
        total(active, now, 3, Optional.of(later));
        total(expired, now, 1, Optional.of(later));

        commit(new PatListCounts.Delta(7L, live("old", now.minusSeconds(1)), live("old", soon)));

        assertThat(total(expired, now, 99, Optional.of(later))).isEqualTo(0);
        assertThat(total(active, soon.minusSeconds(1), 99, Optional.of(later))).isEqualTo(4);
        assertThat(counted).hasValue(2);
        assertThat(total(active, soon, 3, Optional.of(later)))
                .as("the regenerated token expires at `soon`: the active count made before does not hold past it")
                .isEqualTo(3);
    }

    @Test
    void aCountMadeWhileAChangeIsWaitingForItsCommitIsNotKept() {
        counts.changing(7L);
        assertThat(total(all, now, 5, Optional.empty())).isEqualTo(5);
        assertThat(total(all, now, 6, Optional.empty()))
                .as("the first count may or may not have seen the change")
                .isEqualTo(6);
        counts.changed(Set.of(7L), List.of(new PatListCounts.Delta(7L, null, live("new", null))));
        assertThat(total(all, now, 6, Optional.empty())).isEqualTo(6);
        assertThat(total(all, now, 99, Optional.empty())).isEqualTo(6);
        assertThat(counted).hasValue(3);
    }

    @Test
    void aCountRunningWhenAChangeIsWrittenIsNotKeptSoTheDeltaIsNeverAppliedTwice() {
        long first = counts.total(
                7L,
                all,
                now,
                () -> {
                    counts.changing(7L); // written (flushed) while the count runs; the count may see it once committed
                    return 6;
                },
                Optional::empty);
        counts.changed(Set.of(7L), List.of(new PatListCounts.Delta(7L, null, live("new", null))));
        assertThat(first).isEqualTo(6);
        assertThat(total(all, now, 6, Optional.empty()))
                .as("kept and then adjusted, the first count would now say 7")
                .isEqualTo(6);
        assertThat(counted).as("counted again").hasValue(1);
    }

    @Test
    void aRolledBackChangeAdjustsNothingAndAnUnknownEarlierStateCountsAgain() {
        total(all, now, 5, Optional.empty());
        counts.changing(7L);
        counts.changed(Set.of(7L), List.of());
        assertThat(total(all, now, 99, Optional.empty())).isEqualTo(5);

        counts.changing(7L);
        counts.changed(Set.of(7L), null);
        assertThat(total(all, now, 6, Optional.empty())).isEqualTo(6);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aNameSearchIsCountedAgainAfterAnyChangeOfTheOwnersTokens() {
        PatListCounts.Filter search = new PatListCounts.Filter(null, "42");
        total(search, now, 5, Optional.empty());
        total(all, now, 50, Optional.empty());
        commit(new PatListCounts.Delta(7L, live("x", null), new PatListCounts.Row("x42", null, null)));
        assertThat(total(search, now, 6, Optional.empty())).isEqualTo(6);
        assertThat(total(all, now, 99, Optional.empty())).isEqualTo(50);
        assertThat(counted).hasValue(3);
    }

    final PatListCounts.Anchor at510 = new PatListCounts.Anchor(all, "name", false, 510);
    final PatListCounts.Position afterToken = new PatListCounts.Position("token-509", 42L);

    @Test
    void aPositionIsKeptUntilAnyChangeOfTheOwnersTokens() {
        counts.keepPosition(counts.mark(), 7L, at510, afterToken, now, Optional::empty);
        assertThat(counts.position(7L, at510, now.plusSeconds(1))).contains(afterToken);
        assertThat(counts.position(7L, new PatListCounts.Anchor(all, "name", true, 510), now))
                .as("another order")
                .isEmpty();

        commit(new PatListCounts.Delta(7L, null, live("new", null)));
        assertThat(counts.position(7L, at510, now))
                .as("after a create, rows have moved")
                .isEmpty();

        counts.keepPosition(counts.mark(), 7L, at510, afterToken, now, Optional::empty);
        counts.on(new PatListCounts.Changed(7L));
        assertThat(counts.position(7L, at510, now)).as("after a bulk change").isEmpty();
    }

    @Test
    void aPositionReadWhileAChangeWasWrittenOrPendingIsNotKept() {
        PatListCounts.Mark mark = counts.mark();
        counts.changing(7L);
        counts.keepPosition(mark, 7L, at510, afterToken, now, Optional::empty);
        counts.keepPosition(counts.mark(), 7L, at510, afterToken, now, Optional::empty);
        assertThat(counts.position(7L, at510, now)).isEmpty();
        counts.changed(Set.of(7L), List.of());
        counts.keepPosition(mark, 7L, at510, afterToken, now, Optional::empty);
        assertThat(counts.position(7L, at510, now))
                .as("read before the change ended")
                .isEmpty();
    }

    @Test
    void aPositionInTheActiveListHoldsOnlyUntilTheNextExpiry() {
        Instant expiry = now.plus(Duration.ofHours(2));
        PatListCounts.Anchor activeAt510 = new PatListCounts.Anchor(active, "name", false, 510);
        counts.keepPosition(counts.mark(), 7L, activeAt510, afterToken, now, () -> Optional.of(expiry));
        assertThat(counts.position(7L, activeAt510, expiry.minusSeconds(1))).contains(afterToken);
        assertThat(counts.position(7L, activeAt510, expiry)).isEmpty();
        assertThat(counts.position(7L, activeAt510, now.minusSeconds(1))).isEmpty();
    }
}
