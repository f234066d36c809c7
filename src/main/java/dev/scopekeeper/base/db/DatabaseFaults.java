package dev.scopekeeper.base.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The two database faults the application answers on purpose instead of with a 500, recognised anywhere in an
 * exception's cause chain (Spring, Hibernate and the connection pool each wrap the driver's exception):
 *
 * <ul>
 *   <li><b>unavailable</b>: no connection could be had or the one in use broke (the pool's time-out, SQLState class
 *       {@code 08}, a refused TCP connection, a Galera node that is not ready, error 1047). The API answers 503 with
 *       {@code Retry-After}, the UI says the database is unavailable and retries.
 *   <li><b>conflict</b>: the transaction was chosen as a deadlock victim or lost a Galera certification (SQLState
 *       {@code 40001}, MariaDB error 1213 "Deadlock found"). Nothing it did was committed, so running it again is
 *       safe: {@link TransactionRetry} does that a few times, then the API answers 409.
 * </ul>
 */
public final class DatabaseFaults {

    /** Seconds a client is asked to wait before retrying while the database is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_UNKNOWN_COM_ERROR = 1047; // Galera: "WSREP has not yet prepared node"
    private static final int MAX_DEPTH = 32;

    private DatabaseFaults() {}

    /** True when the database could not be reached or the connection broke. */
    public static boolean unavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    // no transaction could be begun: the pool's connection broke as the database went away
                    // ("Connection is closed", no SQLState), seen in DatabaseOutageIT on a loaded machine
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("08")) || sql.getErrorCode() == ER_UNKNOWN_COM_ERROR) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the transaction was rolled back as a deadlock victim or by a Galera certification failure. */
    public static boolean conflict(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == ER_LOCK_DEADLOCK)) {
                return true;
            }
        }
        return false;
    }
}
