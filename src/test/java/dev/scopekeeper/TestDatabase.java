package dev.scopekeeper;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
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
public class TestDatabase {

    /** Kept as they are: Liquibase's own bookkeeping and the secrets the running app has cached. */
    private static final Set<String> KEPT = Set.of("databasechangelog", "databasechangeloglock", "server_secret");

    private final JdbcTemplate jdbc;
    private final ObjectProvider<ApplicationRunner> runners;
    private final ObjectProvider<AfterReset> afterReset;
    private volatile Map<String, List<Map<String, Object>>> initialRows;

    /** A test bean that must forget what it cached about the rows a reset deleted (e.g. a cache of tokens). */
    public interface AfterReset {
        void afterDatabaseReset();
    }

    TestDatabase(JdbcTemplate jdbc, ObjectProvider<ApplicationRunner> runners, ObjectProvider<AfterReset> afterReset) {
        this.jdbc = jdbc;
        this.runners = runners;
        this.afterReset = afterReset;
    }

    /** After Liquibase and before the application runners (the administrator bootstrap): the fresh install. */
    @EventListener(ApplicationStartedEvent.class)
    void rememberTheFreshInstall() {
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
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : initial.keySet()) {
                        statement.executeUpdate("DELETE FROM `" + table + "`");
                    }
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return null;
        });
        initial.forEach((table, rows) -> rows.forEach(row -> insert(table, row)));
        afterReset.orderedStream().forEach(AfterReset::afterDatabaseReset);
    }

    /** {@link #reset()}, then what start-up does on an empty install: runs the application runners again. */
    public void resetAndRunStartUp() {
        reset();
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
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE'", String.class).stream()
                .filter(table -> !KEPT.contains(table.toLowerCase(java.util.Locale.ROOT))).toList();
    }

    private void insert(String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        String names = String.join(", ", columns.stream().map(c -> "`" + c + "`").toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        jdbc.update("INSERT INTO `" + table + "` (" + names + ") VALUES (" + marks + ")", row.values().toArray());
    }
}
