package dev.scopekeeper.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Test only: provokes a real deadlock on the database and returns the driver's exception of its victim. */
public final class Deadlocks {

    private Deadlocks() {}

    /**
     * Two connections lock the rows of {@code app_user} {@code a} and {@code b} in opposite order; MariaDB rolls
     * one of them back ("Deadlock found when trying to get lock", error 1213, SQLState 40001).
     */
    public static SQLException provoke(DataSource dataSource, long a, long b) throws Exception {
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SQLException>> outcomes = new ArrayList<>();
            outcomes.add(pool.submit(() -> lockBoth(dataSource, a, b, bothHoldTheirFirstRow)));
            outcomes.add(pool.submit(() -> lockBoth(dataSource, b, a, bothHoldTheirFirstRow)));
            SQLException victim = null;
            for (Future<SQLException> outcome : outcomes) {
                SQLException failure = outcome.get(60, TimeUnit.SECONDS);
                if (failure != null) {
                    victim = failure;
                }
            }
            if (victim == null) {
                throw new AssertionError("no deadlock happened");
            }
            return victim;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SQLException lockBoth(DataSource dataSource, long first, long second, CyclicBarrier barrier)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lock(connection, first);
                barrier.await(30, TimeUnit.SECONDS);
                lock(connection, second);
                connection.commit();
                return null;
            } catch (SQLException e) {
                connection.rollback();
                return e;
            }
        }
    }

    private static void lock(Connection connection, long userId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM app_user WHERE id = ? FOR UPDATE")) {
            select.setLong(1, userId);
            select.executeQuery().close();
        }
    }
}
