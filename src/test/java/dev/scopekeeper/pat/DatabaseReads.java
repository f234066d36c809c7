package dev.scopekeeper.pat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the database read for a call: a count, not a timing, so tests may assert it. */
final class DatabaseReads {

    private DatabaseReads() {}

    /**
     * The index entries and rows the database read for {@code call} (its session's Handler_read_* counters, on the
     * connection of one transaction the call joins), less what asking for the counters reads itself.
     */
    static long rowsRead(JdbcTemplate jdbc, PlatformTransactionManager transactions, Runnable call) {
        return reads(jdbc, transactions, call) - reads(jdbc, transactions, () -> {});
    }

    private static long reads(JdbcTemplate jdbc, PlatformTransactionManager transactions, Runnable call) {
        return new TransactionTemplate(transactions).execute(status -> {
            long before = handlerReads(jdbc);
            call.run();
            return handlerReads(jdbc) - before;
        });
    }

    private static long handlerReads(JdbcTemplate jdbc) {
        return jdbc.query(
                "SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_first', 'Handler_read_key',"
                        + " 'Handler_read_last', 'Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd',"
                        + " 'Handler_read_rnd_next')",
                rs -> {
                    long sum = 0;
                    while (rs.next()) {
                        sum += rs.getLong(2);
                    }
                    return sum;
                });
    }
}
