package dev.scopekeeper.base.db;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test only: a transactional bean like any service, whose method locks two rows of {@code app_user} one after the
 * other ({@code SELECT ... FOR UPDATE}). Two callers locking the same rows in opposite order, released together by
 * a barrier, deadlock for real on MariaDB; the victim's transaction is rolled back with error 1213.
 */
@Component
public class DeadlockProbe {

    private final JdbcTemplate jdbc;

    DeadlockProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks {@code first}, waits (on the first attempt only) until the other caller holds its first row, then locks
     * {@code second}. Counts its attempts.
     */
    @Transactional
    public void lockInOrder(long first, long second, CyclicBarrier bothHoldTheirFirstRow, AtomicInteger attempts)
            throws Exception {
        int attempt = attempts.incrementAndGet();
        lock(first);
        if (attempt == 1) {
            bothHoldTheirFirstRow.await(30, TimeUnit.SECONDS);
        }
        lock(second);
    }

    /** Throws the given failure on every attempt, counting them. */
    @Transactional
    public void alwaysFails(RuntimeException failure, AtomicInteger attempts) {
        attempts.incrementAndGet();
        jdbc.queryForObject("SELECT 1", Integer.class);
        throw failure;
    }

    private void lock(long userId) {
        jdbc.queryForObject("SELECT id FROM app_user WHERE id = ? FOR UPDATE", Long.class, userId);
    }
}
