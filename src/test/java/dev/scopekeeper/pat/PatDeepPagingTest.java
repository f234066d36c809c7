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
        long skipping = statements(() -> pats.list(first));
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
}
