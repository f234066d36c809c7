package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12: the first list call with nothing kept (after a restart, a bulk revocation, a delete-all) reads the
 * owner's stored counts ({@code pat_owner_count}, {@link PatOwnerCounts}) instead of counting all the owner's
 * tokens, and those counts equal a fresh COUNT after every way of changing tokens, a rollback and racing creates.
 */
@ScopekeeperTest
class PatOwnerCountsTest {

    @Autowired
    PatService pats;

    @Autowired
    PatAdministrationService administration;

    @Autowired
    PatListCounts kept;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PatBenchmarkSupport fill;

    @AfterEach
    void signOut() {
        users.signOut();
    }

    /** The stored live and revoked counts of the owner (0, 0 when there is no row). */
    private long[] stored(long ownerId) {
        List<long[]> rows = jdbc.query(
                "SELECT live, revoked FROM pat_owner_count WHERE owner_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                ownerId);
        return rows.isEmpty() ? new long[] {0, 0} : rows.get(0);
    }

    /** The same, counted now over the owner's tokens. */
    private long[] fresh(long ownerId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) - COUNT(revoked_at), COUNT(revoked_at) FROM pat WHERE owner_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                ownerId);
    }

    private void assertStoredEqualsFresh(UserProfile owner, String after, long live, long revoked) {
        assertThat(fresh(owner.id())).as("fresh count after " + after).containsExactly(live, revoked);
        assertThat(stored(owner.id()))
                .as("stored live and revoked counts after " + after)
                .containsExactly(live, revoked);
    }

    private long create(String name) {
        return pats.create(new CreatePatRequest(name, "", PatDuration.days(7), null, List.of()))
                .pat()
                .id();
    }

    @Test
    void theStoredCountsFollowEveryWayOfChangingTokens() {
        UserProfile owner = users.create("stored-counts", PlatformRole.USER);
        UserProfile other = users.create("stored-other", PlatformRole.USER);
        users.signIn(other);
        create("other-1");
        users.signIn(owner);
        assertStoredEqualsFresh(owner, "nothing", 0, 0);

        long a = create("a");
        long b = create("b");
        long c = create("c");
        long d = create("d");
        assertStoredEqualsFresh(owner, "four creates", 4, 0);
        pats.rename(a, "a2");
        assertStoredEqualsFresh(owner, "a rename", 4, 0);
        pats.revoke(a);
        assertStoredEqualsFresh(owner, "a revoke by the owner", 3, 1);
        pats.regenerate(a, PatDuration.days(30));
        assertStoredEqualsFresh(owner, "a regenerate of the revoked token", 4, 0);
        pats.delete(b);
        assertStoredEqualsFresh(owner, "a delete", 3, 0);

        UserProfile admin = users.create("stored-admin", PlatformRole.ADMIN);
        users.signIn(admin);
        administration.revoke(c, "checking");
        assertStoredEqualsFresh(owner, "an administrator's revocation", 2, 1);
        administration.liftRevocation(c);
        assertStoredEqualsFresh(owner, "an administrator lifting it (still revoked)", 2, 1);
        users.signIn(owner);
        pats.regenerate(c, PatDuration.days(7));
        assertStoredEqualsFresh(owner, "the owner regenerating it", 3, 0);
        users.signIn(admin);
        assertThat(administration.revokeAll(List.of(c, d))).isEqualTo(2);
        assertStoredEqualsFresh(owner, "a bulk revocation (a bulk statement)", 1, 2);
        administration.delete(d);
        assertStoredEqualsFresh(owner, "an administrator's delete", 1, 1);

        users.signIn(owner);
        assertThat(pats.deleteAll()).isEqualTo(2);
        assertStoredEqualsFresh(owner, "delete all (a bulk statement)", 0, 0);
        assertThat(stored(other.id())).as("another owner's counts").containsExactly(1, 0);
    }

    @Test
    void aRolledBackChangeLeavesTheStoredCountsAsTheyWere() {
        UserProfile owner = users.create("stored-rollback", PlatformRole.USER);
        users.signIn(owner);
        long a = create("a");
        create("b");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    create("c");
                    pats.revoke(a);
                    pats.deleteAll();
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        assertStoredEqualsFresh(owner, "a rolled-back create, revoke and delete-all", 2, 0);
    }

    @Test
    void racingCreatesAndRevocationsOfOneOwnerLoseNoCount() {
        UserProfile owner = users.create("stored-race", PlatformRole.USER);
        users.signIn(owner);
        List<Long> revocable = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            revocable.add(create("r" + i));
        }
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int thread = 0; thread < 3; thread++) {
            int t = thread;
            work.add(CompletableFuture.runAsync(() -> {
                users.signIn(owner);
                try {
                    for (int i = 0; i < 10; i++) {
                        create("t" + t + "-" + i);
                    }
                    pats.revoke(revocable.get(2 * t));
                    pats.revoke(revocable.get(2 * t + 1));
                } finally {
                    users.signOut();
                }
            }));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        assertStoredEqualsFresh(owner, "30 racing creates and 6 racing revocations", 30, 6);
    }

    private long rowsRead(Runnable call) {
        return DatabaseReads.rowsRead(jdbc, transactions, call);
    }

    @Test
    void theFirstListCallWithNothingKeptReadsTheStoredCountsNotEveryToken() {
        UserProfile owner = users.create("stored-many", PlatformRole.USER);
        // 2,000 rows written by SQL, as the benchmark fills (then counted as changeset 146 counts an install's
        // tokens): 1,600 active, 200 expired, 200 revoked
        fill.insertPats(owner.id(), 2000);
        users.signIn(owner);

        record Case(PatStatus status, long total) {}
        for (Case c : List.of(
                new Case(null, 2000),
                new Case(PatStatus.ACTIVE, 1600),
                new Case(PatStatus.EXPIRED, 200),
                new Case(PatStatus.REVOKED, 200))) {
            PatQuery query = new PatQuery(Optional.ofNullable(c.status()), null, 0, 1, SortBy.NAME, false);
            long[] total = new long[1];
            kept.evictAll();
            long read = rowsRead(() -> total[0] = pats.list(query).total());
            assertThat(total[0])
                    .as("total of " + c.status() + " with nothing kept")
                    .isEqualTo(c.total());
            // a COUNT reads every matching entry (2,000 for All, 1,600 for Active); the stored counts read one row,
            // plus the owner's 200 expired live tokens for Active and Expired; the page of one row may read up to
            // its status's 200 rows too (the optimizer picks a sort of the 200 expired or revoked rows or a walk of
            // the name index, by the table's sampled statistics)
            assertThat(read)
                    .as("index entries and rows read by the first list call of " + c.status() + " with nothing kept")
                    .isLessThan(600);
        }
    }
}
