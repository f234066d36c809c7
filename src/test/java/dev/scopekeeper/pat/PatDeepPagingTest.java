package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12: a script paging deep through a long list (offset += limit) reads each page after the previous page's
 * last row instead of skipping the offset again, and gets exactly the pages a fresh read gives — in name and in
 * creation order, both directions, filtered, and after a change of the owner's tokens in the middle of the walk.
 */
@ScopekeeperTest
class PatDeepPagingTest {

    static final int TOKENS = 700;

    @Autowired
    PatService pats;

    @Autowired
    PatListCounts counts;

    @Autowired
    PatBenchmarkSupport fill;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private UserProfile ownerOfManyTokens(String prefix) {
        UserProfile owner = users.create(prefix, PlatformRole.USER);
        fill.insertPats(owner.id(), TOKENS); // names token-N, a mix of active, expired, revoked and never expiring
        users.signIn(owner);
        return owner;
    }

    private static PatQuery page(Optional<PatStatus> status, SortBy sort, boolean descending, int offset) {
        return new PatQuery(status, null, offset, 10, sort, descending);
    }

    private List<Long> ids(PatQuery query) {
        return pats.list(query).items().stream().map(PatSummary::id).toList();
    }

    /** The pages from offset 500 on, each as a fresh read would give it (nothing kept). */
    private List<List<Long>> freshPages(Optional<PatStatus> status, SortBy sort, boolean descending) {
        List<List<Long>> pages = new ArrayList<>();
        for (int offset = 500; offset < TOKENS; offset += 10) {
            counts.evictAll();
            pages.add(ids(page(status, sort, descending, offset)));
        }
        return pages;
    }

    private List<List<Long>> walkedPages(Optional<PatStatus> status, SortBy sort, boolean descending) {
        counts.evictAll();
        List<List<Long>> pages = new ArrayList<>();
        for (int offset = 500; offset < TOKENS; offset += 10) {
            pages.add(ids(page(status, sort, descending, offset)));
        }
        return pages;
    }

    private long statements(Runnable call) {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            call.run();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void walkingDeepPagesGivesExactlyThePagesAFreshReadGivesInEveryAnchoredOrder() {
        ownerOfManyTokens("deep-walk");
        for (SortBy sort : List.of(SortBy.NAME, SortBy.CREATED)) {
            for (boolean descending : List.of(false, true)) {
                for (Optional<PatStatus> status : List.of(Optional.<PatStatus>empty(), Optional.of(PatStatus.ACTIVE))) {
                    List<List<Long>> fresh = freshPages(status, sort, descending);
                    assertThat(walkedPages(status, sort, descending))
                            .as("pages from offset 500, " + sort + (descending ? " desc" : " asc") + ", " + status)
                            .isEqualTo(fresh);
                }
            }
        }
    }

    @Test
    void aPageThatContinuesThePreviousOneReadsOnlyItsOwnRows() {
        ownerOfManyTokens("deep-cost");
        PatQuery first = page(Optional.empty(), SortBy.NAME, false, 600);
        PatQuery next = page(Optional.empty(), SortBy.NAME, false, 610);
        counts.evictAll();
        pats.list(first);
        pats.list(first); // the total is kept from here on
        long skipping = statements(() -> pats.list(page(Optional.empty(), SortBy.NAME, false, 650))); // nothing kept
        long continuing = statements(() -> pats.list(next));
        assertThat(continuing)
                .as("statements of the page after a page just read (page only) vs. one reading its ids first")
                .isLessThan(skipping);

        List<Long> continued = ids(page(Optional.empty(), SortBy.NAME, false, 620));
        counts.evictAll();
        assertThat(continued).isEqualTo(ids(page(Optional.empty(), SortBy.NAME, false, 620)));
    }

    @Test
    void aChangeInTheMiddleOfAWalkIsSeenByTheNextPage() {
        UserProfile owner = ownerOfManyTokens("deep-change");
        counts.evictAll();
        List<Long> before = ids(page(Optional.empty(), SortBy.NAME, false, 600));
        assertThat(before).hasSize(10);
        // a token sorted before offset 610 is deleted: the page at 610 now starts one row later than before
        long deleted = jdbc.queryForObject(
                "SELECT id FROM pat WHERE owner_id = ? ORDER BY name LIMIT 1 OFFSET 5", Long.class, owner.id());
        pats.delete(deleted);

        List<Long> walked = ids(page(Optional.empty(), SortBy.NAME, false, 610));
        counts.evictAll();
        assertThat(walked)
                .as("the page at offset 610 after a delete, walked on vs. read fresh")
                .isEqualTo(ids(page(Optional.empty(), SortBy.NAME, false, 610)));
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private long rowsRead(Runnable call) {
        return DatabaseReads.rowsRead(jdbc, transactions, call);
    }

    private long create(String name) {
        return pats.create(new PatService.CreatePatRequest(name, "", PatDuration.days(7), null, List.of()))
                .pat()
                .id();
    }

    private long idAt(long ownerId, int offset) {
        return jdbc.queryForObject(
                "SELECT id FROM pat WHERE owner_id = ? ORDER BY name LIMIT 1 OFFSET ?", Long.class, ownerId, offset);
    }

    record Walk(Optional<PatStatus> status, String name, SortBy sort, boolean descending) {

        PatQuery at(int offset) {
            return new PatQuery(status, name, offset, 10, sort, descending);
        }
    }

    /**
     * Issue 12: a change of one token before the next page no longer drops the kept positions: each is moved by one
     * when the row as it was or as it is sorts before it (in the list's filter), so the page at the next offset still
     * reads only its own rows (counted by the database's handler counters) — and gives exactly what a fresh read gives. Names are compared by the database's
     * collation (a case and accent variant, a search in capitals); a page asked for again starts after the row before
     * it. Fails on the old code, which dropped every position of the owner on any change (the page read its ids again).
     */
    @Test
    void aChangeBeforeTheNextPageMovesTheKeptPositionsInsteadOfDroppingThem() {
        UserProfile owner = ownerOfManyTokens("deep-moves");
        List<Walk> walks = List.of(
                new Walk(Optional.empty(), null, SortBy.NAME, false),
                new Walk(Optional.empty(), null, SortBy.NAME, true),
                new Walk(Optional.of(PatStatus.ACTIVE), null, SortBy.NAME, false),
                new Walk(Optional.empty(), "TOKEN-", SortBy.NAME, false),
                new Walk(Optional.empty(), "oken", SortBy.NAME, true),
                new Walk(Optional.empty(), null, SortBy.CREATED, false),
                new Walk(Optional.of(PatStatus.ACTIVE), null, SortBy.CREATED, true));
        long renamed = idAt(owner.id(), 3);
        long revoked = idAt(owner.id(), 6); // token-103, active (token-102 is revoked already)
        long deleted = idAt(owner.id(), 7);
        long recased = idAt(owner.id(), 9);
        String recasedName = jdbc.queryForObject("SELECT name FROM pat WHERE id = ?", String.class, recased);
        List<Runnable> changes = List.of(
                () -> create("TÖKEN-05x"), // an accent and case variant: sorts among token-0… and matches TOKEN-
                () -> pats.rename(renamed, "zzz-moved"), // from before every position to after it
                () -> pats.revoke(revoked),
                () -> pats.delete(deleted),
                () -> pats.rename(recased, recasedName.toUpperCase(java.util.Locale.ROOT)), // same place
                () -> pats.regenerate(revoked, PatDuration.days(30)),
                () -> create("token-9999"));
        int pageAt = 500; // 560 of the 700 are active
        for (Runnable change : changes) {
            counts.evictAll();
            for (Walk walk : walks) {
                ids(walk.at(pageAt)); // keeps the total and where this page and the next one start
            }
            java.util.Map<Walk, Long> skipping = new java.util.HashMap<>();
            for (Walk walk : walks) {
                skipping.put(walk, rowsRead(() -> pats.list(walk.at(pageAt + 30)))); // no position kept there
            }
            change.run();
            java.util.Map<Walk, List<Long>> walked = new java.util.HashMap<>();
            java.util.Map<Walk, List<Long>> again = new java.util.HashMap<>();
            for (Walk walk : walks) {
                List<List<Long>> read = new ArrayList<>();
                long continuing = rowsRead(() -> read.add(ids(walk.at(pageAt + 10))));
                long repeated = rowsRead(() -> read.add(ids(walk.at(pageAt))));
                assertThat(skipping.get(walk))
                        .as("index and row reads of a page at offset 530 read by ids, " + walk)
                        .isGreaterThan(530);
                assertThat(java.util.stream.LongStream.of(continuing, repeated)
                                .boxed()
                                .toList())
                        .as("index and row reads of the next page and of the same page again after a change, " + walk
                                + " (a tenth of a page that skips its offset: " + skipping.get(walk) + ")")
                        .allSatisfy(n -> assertThat(n).isLessThan(skipping.get(walk) / 10));
                walked.put(walk, read.get(0));
                again.put(walk, read.get(1));
            }
            for (Walk walk : walks) {
                counts.evictAll();
                assertThat(walked.get(walk))
                        .as("the next page after a change, walked on vs. read fresh, " + walk)
                        .isEqualTo(ids(walk.at(pageAt + 10)));
                counts.evictAll();
                assertThat(again.get(walk))
                        .as("the same page again after a change vs. read fresh, " + walk)
                        .isEqualTo(ids(walk.at(pageAt)));
            }
        }
    }
}
