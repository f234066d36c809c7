package dev.scopekeeper;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the test context's schema back to a fresh install without starting another Spring context (see
 * {@link ResetDatabase}): every table gets back the rows Liquibase left in it (the default token policy),
 * everything tests created is deleted. The server's own secrets ({@code server_secret}) stay, since the
 * running app holds its signing key in memory. Auto-increment counters are not reset, so ids are never reused.
 */
@Component
public class TestDatabase implements InitializingBean {

    /** Kept as they are: Liquibase's own bookkeeping and the secrets the running app has cached. */
    private static final Set<String> KEPT = Set.of("databasechangelog", "databasechangeloglock", "server_secret");

    private final JdbcTemplate jdbc;
    private final ObjectProvider<ApplicationRunner> runners;
    private final ObjectProvider<AfterReset> afterReset;
    private final ObjectProvider<SmartInitializingSingleton> startUpChecks;
    private final ObjectProvider<SpringLiquibase> liquibase;
    private volatile Map<String, List<Map<String, Object>>> initialRows;

    /** A test bean that must forget what it cached about the rows a reset deleted (e.g. a cache of tokens). */
    public interface AfterReset {
        void afterDatabaseReset();
    }

    TestDatabase(
            JdbcTemplate jdbc,
            ObjectProvider<ApplicationRunner> runners,
            ObjectProvider<AfterReset> afterReset,
            ObjectProvider<SmartInitializingSingleton> startUpChecks,
            ObjectProvider<SpringLiquibase> liquibase) {
        this.jdbc = jdbc;
        this.runners = runners;
        this.afterReset = afterReset;
        this.startUpChecks = startUpChecks;
        this.liquibase = liquibase;
    }

    /**
     * The fresh install: after Liquibase (asked for here, so it has run) and while the singletons are still being
     * created, i.e. before the application's start-up work writes anything: the headless administrator bootstrap
     * runs as a {@link SmartInitializingSingleton} once every singleton exists, application runners even later.
     */
    @Override
    public void afterPropertiesSet() {
        liquibase.getIfAvailable();
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String table : tables()) {
            rows.put(table, jdbc.queryForList("SELECT * FROM `" + table + "`"));
        }
        initialRows = rows;
    }

    /** An empty install: no users, no setup marker, nothing any test created; as before the first-run setup. */
    public void reset() {
        Map<String, List<Map<String, Object>>> initial = initialRows;
        if (initial == null) {
            throw new IllegalStateException("the application has not finished starting");
        }
        // Deleting and restoring on one connection with foreign key checks off: the tables come in name order,
        // not in the order their references need (app_setup.admin_user_id before app_user, for instance).
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : initial.keySet()) {
                        statement.executeUpdate("DELETE FROM `" + table + "`");
                    }
                    for (Map.Entry<String, List<Map<String, Object>>> entry : initial.entrySet()) {
                        for (Map<String, Object> row : entry.getValue()) {
                            insert(connection, entry.getKey(), row);
                        }
                    }
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return null;
        });
        afterReset.orderedStream().forEach(AfterReset::afterDatabaseReset);
    }

    /**
     * {@link #reset()}, then what start-up does on an empty install: the application's own start-up work done once
     * every singleton exists (the headless administrator bootstrap), then the application runners, again.
     */
    public void resetAndRunStartUp() {
        reset();
        startUpChecks
                .orderedStream()
                .filter(bean -> bean.getClass().getName().startsWith("dev.scopekeeper."))
                .forEach(SmartInitializingSingleton::afterSingletonsInstantiated);
        ApplicationArguments none = new DefaultApplicationArguments();
        runners.orderedStream().forEach(runner -> {
            try {
                runner.run(none);
            } catch (Exception e) {
                throw new IllegalStateException("start-up runner " + runner + " failed after a database reset", e);
            }
        });
    }

    private List<String> tables() {
        return jdbc
                .queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                                + " AND table_type = 'BASE TABLE'",
                        String.class)
                .stream()
                .filter(table -> !KEPT.contains(table.toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static void insert(java.sql.Connection connection, String table, Map<String, Object> row)
            throws java.sql.SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        String names =
                String.join(", ", columns.stream().map(c -> "`" + c + "`").toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO `" + table + "` (" + names + ") VALUES (" + marks + ")")) {
            int index = 1;
            for (Object value : row.values()) {
                insert.setObject(index++, value);
            }
            insert.executeUpdate();
        }
    }
}
