package dev.scopekeeper.base.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes the start-up migration safe for a Galera cluster and for several nodes started together on an empty
 * database (issue 13: one of two nodes failed with {@code Table 'DATABASECHANGELOG' already exists}).
 *
 * <p>Before Liquibase runs, its two tables are created if missing ({@code CREATE TABLE IF NOT EXISTS}, which any
 * number of nodes may run at once) with the columns Liquibase itself would create, plus a primary key on
 * {@code DATABASECHANGELOG} (Liquibase gives it none; Galera needs one on every table: rows without a key
 * replicate badly and are refused under {@code wsrep_mode=REQUIRED_PRIMARY_KEY}). The lock row is inserted with
 * {@code INSERT IGNORE}: Liquibase's own initialisation deletes and re-inserts it, which lets two nodes starting
 * together both believe they hold the lock. Then Liquibase runs here, and runs again (a few times, briefly apart)
 * if it lost a race on another node: a certification conflict or deadlock (error 1213) or a table another node
 * created in between (error 1050). Spring's own later call then has nothing left to do ({@code shouldRun} false).
 * Installs made before this have their changelog table keyed by changeset 130.
 *
 * <p>Within one JVM the migrations run one after the other ({@link #IN_THIS_JVM}): Liquibase keeps its lock
 * services in a JVM-wide {@code LockServiceFactory} that each finished run resets, so a second run in the same JVM
 * that waited for the database lock and then acquired it lost its lock service before its clean-up, never released
 * the lock, and left {@code DATABASECHANGELOGLOCK} at {@code LOCKED = 1}: every later start then waited five minutes
 * and failed. Two application contexts in one JVM (tests, {@code ClusterIT}) hit that; nodes in JVMs of their own
 * race on the database lock alone ({@code GaleraReadySchemaTest} starts them as child processes).
 */
@Component
class LiquibaseStartup implements BeanPostProcessor {

    static final int MAX_ATTEMPTS = 5;

    /** Liquibase's lock services are JVM-wide: one migration at a time in this JVM (see the class comment). */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private static final Logger log = LoggerFactory.getLogger(LiquibaseStartup.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final int ER_TABLE_EXISTS = 1050;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase) {
            try {
                migrate(liquibase);
            } catch (LiquibaseException | SQLException e) {
                throw new BeanInitializationException("Database migration failed", e);
            }
        }
        return bean;
    }

    /** Prepares Liquibase's tables, runs the migration (retried after a lost race), and marks it done. */
    static void migrate(SpringLiquibase liquibase) throws LiquibaseException, SQLException {
        IN_THIS_JVM.lock();
        try {
            migrateAlone(liquibase);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private static void migrateAlone(SpringLiquibase liquibase) throws LiquibaseException, SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                prepareTables(
                        liquibase.getDataSource(),
                        name(liquibase.getDatabaseChangeLogTable(), "DATABASECHANGELOG"),
                        name(liquibase.getDatabaseChangeLogLockTable(), "DATABASECHANGELOGLOCK"));
                liquibase.afterPropertiesSet();
                break;
            } catch (LiquibaseException | SQLException | RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
                log.info(
                        "Database migration lost a race with another node (attempt {} of {}): retrying",
                        attempt,
                        MAX_ATTEMPTS);
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        // it ran here: SpringLiquibase's own afterPropertiesSet, called next by the container, does nothing
        liquibase.setShouldRun(false);
    }

    static void prepareTables(DataSource dataSource, String changeLog, String lock) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + changeLog + " ("
                    + "ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, "
                    + "DATEEXECUTED DATETIME NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, "
                    + "MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, "
                    + "TAG VARCHAR(255) NULL, LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, "
                    + "LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL, "
                    + "CONSTRAINT PK_" + changeLog + " PRIMARY KEY (ID, AUTHOR, FILENAME))");
            statement.execute("CREATE TABLE IF NOT EXISTS " + lock + " ("
                    + "ID INT NOT NULL, LOCKED BIT(1) NOT NULL, LOCKGRANTED DATETIME NULL, LOCKEDBY VARCHAR(255) NULL, "
                    + "CONSTRAINT PK_" + lock + " PRIMARY KEY (ID))");
            statement.execute("INSERT IGNORE INTO " + lock + " (ID, LOCKED) VALUES (1, 0)");
        }
    }

    private static String name(String configured, String fallback) {
        String name = configured == null || configured.isBlank() ? fallback : configured;
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Unexpected Liquibase table name: " + name);
        }
        return name;
    }

    private static boolean lostARace(Throwable failure) {
        if (DatabaseFaults.conflict(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ER_TABLE_EXISTS) {
                return true;
            }
        }
        return false;
    }
}
