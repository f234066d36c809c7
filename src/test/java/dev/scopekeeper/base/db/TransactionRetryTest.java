package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;

/**
 * Issue 13: a transaction MariaDB rolls back as a deadlock victim (or Galera as a certification failure: the same
 * error 1213, SQLState 40001) is run again, transparently and a bounded number of times.
 */
@ScopekeeperTest
class TransactionRetryTest {

    @Autowired
    DeadlockProbe probe;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestUsers users;

    long a;
    long b;

    @BeforeEach
    void twoRowsToLock() {
        a = users.create("lock-a", PlatformRole.USER).id();
        b = users.create("lock-b", PlatformRole.USER).id();
    }

    @Test
    void theDatabaseReallyDeadlocksWhenTwoTransactionsLockRowsInOppositeOrder() throws Exception {
        SQLException victim = Deadlocks.provoke(dataSource, a, b);

        assertThat(victim.getErrorCode()).isEqualTo(1213);
        assertThat(victim.getMessage()).contains("Deadlock found");
        assertThat(DatabaseFaults.conflict(victim)).isTrue();
        assertThat(DatabaseFaults.unavailable(victim)).isFalse();
    }

    @Test
    void aDeadlockedServiceTransactionIsRetriedAndBothCallersSucceed() throws Exception {
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger attemptsAb = new AtomicInteger();
        AtomicInteger attemptsBa = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> calls = List.of(
                    pool.submit(() -> {
                        probe.lockInOrder(a, b, bothHoldTheirFirstRow, attemptsAb);
                        return null;
                    }),
                    pool.submit(() -> {
                        probe.lockInOrder(b, a, bothHoldTheirFirstRow, attemptsBa);
                        return null;
                    }));
            for (Future<Object> call : calls) {
                call.get(60, TimeUnit.SECONDS); // neither caller sees the deadlock
            }
        } finally {
            pool.shutdownNow();
        }
        // one of them was the victim and ran a second time
        assertThat(attemptsAb.get() + attemptsBa.get()).isEqualTo(3);
    }

    @Test
    void aConflictThatPersistsIsRetriedABoundedNumberOfTimesThenThrown() throws Exception {
        CannotAcquireLockException conflict =
                new CannotAcquireLockException("deadlock", Deadlocks.provoke(dataSource, a, b));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> probe.alwaysFails(conflict, attempts)).isSameAs(conflict);
        assertThat(attempts).hasValue(TransactionRetry.MAX_ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        IllegalStateException failure = new IllegalStateException("not a conflict");
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> probe.alwaysFails(failure, attempts)).isSameAs(failure);
        assertThat(attempts).hasValue(1);
    }
}
