package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.scopekeeper.ScopekeeperTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, "Galera-ready schema and start-up": every table has a primary key (Liquibase's changelog table
 * included), and several nodes migrating one empty database at the same moment all start.
 */
@ScopekeeperTest
class GaleraReadySchemaTest {

    private static final String TABLES_WITHOUT_PRIMARY_KEY = """
            SELECT t.table_name FROM information_schema.tables t
            WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
              AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                              WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                AND c.constraint_type = 'PRIMARY KEY')""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableOfTheApplicationsSchemaHasAPrimaryKey() {
        assertThat(jdbc.queryForList("SHOW TABLES", String.class)).contains("DATABASECHANGELOG", "pat", "pat_scope");
        assertThat(jdbc.queryForList(TABLES_WITHOUT_PRIMARY_KEY, String.class)).isEmpty();
    }

    @Test
    void twoNodesMigratingOneEmptySchemaTogetherBothStartAndEachChangesetRunsOnce() throws Exception {
        try (HikariDataSource empty = EmptySchemas.emptySchema(6)) {
            // each node in a JVM of its own, as in a cluster: they race on the database alone
            Path go = Files.createTempDirectory("migrates-").resolve("go");
            List<Path> outputs = new ArrayList<>();
            List<Process> nodes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Path output = Files.createTempFile("migrates-", ".log");
                outputs.add(output);
                nodes.add(new ProcessBuilder(List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Dliquibase.changelogLockPollRate=1", // the one waiting looks every second
                                "-cp",
                                classPath(),
                                MigratesInAJvmOfItsOwn.class.getName(),
                                empty.getJdbcUrl(),
                                empty.getUsername(),
                                empty.getPassword(),
                                go.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start());
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (Path output : outputs) {
                while (!Files.readString(output, StandardCharsets.UTF_8).contains(MigratesInAJvmOfItsOwn.READY)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            Files.createFile(go); // both connected: go
            for (int i = 0; i < nodes.size(); i++) {
                Process node = nodes.get(i);
                boolean exited = node.waitFor(10, TimeUnit.MINUTES);
                if (!exited) {
                    node.destroyForcibly();
                }
                String log = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
                Files.deleteIfExists(outputs.get(i));
                assertThat(exited && node.exitValue() == 0)
                        .as("node %d starts (the other waits for Liquibase's lock); its output:%n%s", i + 1, log)
                        .isTrue();
                assertThat(log).contains(MigratesInAJvmOfItsOwn.MIGRATED);
            }
            assertMigratedOnceAndUnlocked(new JdbcTemplate(empty));
        }
    }

    @Test
    void twoMigrationsInOneJvmTogetherBothFinishAndReleaseTheLock() throws Exception {
        try (HikariDataSource empty = EmptySchemas.emptySchema(6)) {
            int nodes = 2;
            CyclicBarrier together = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<Object>> starts = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    starts.add(pool.submit(() -> {
                        SpringLiquibase liquibase = EmptySchemas.liquibase(empty);
                        together.await(30, TimeUnit.SECONDS);
                        LiquibaseStartup.migrate(liquibase);
                        return null;
                    }));
                }
                for (Future<Object> start : starts) {
                    start.get(10, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            // before LiquibaseStartup ran them one at a time, the second run left the lock row at LOCKED = 1
            assertMigratedOnceAndUnlocked(new JdbcTemplate(empty));
        }
    }

    private void assertMigratedOnceAndUnlocked(JdbcTemplate schema) {
        assertThat(schema.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class));
        assertThat(schema.queryForObject(
                        "SELECT COUNT(*) - COUNT(DISTINCT ID, AUTHOR, FILENAME) FROM DATABASECHANGELOG", Integer.class))
                .isZero();
        assertThat(schema.queryForList("SELECT LOCKED + 0 FROM DATABASECHANGELOGLOCK", Integer.class))
                .as("Liquibase's lock is released: a later upgrade does not wait for it and fail")
                .containsExactly(0);
        assertThat(schema.queryForList(TABLES_WITHOUT_PRIMARY_KEY, String.class))
                .isEmpty();
    }

    @Test
    void anInstallWhoseChangelogTableHasNoPrimaryKeyGetsOneFromChangeset130() throws Exception {
        try (HikariDataSource older = EmptySchemas.emptySchema(6)) {
            // what Liquibase alone creates (no key), as on installs made before issue 13
            JdbcTemplate schema = new JdbcTemplate(older);
            schema.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,"
                    + " FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED DATETIME NOT NULL, ORDEREXECUTED INT NOT NULL,"
                    + " EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL,"
                    + " COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL, LIQUIBASE VARCHAR(20) NULL,"
                    + " CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)");

            LiquibaseStartup.migrate(EmptySchemas.liquibase(older));

            assertThat(schema.queryForList(TABLES_WITHOUT_PRIMARY_KEY, String.class))
                    .isEmpty();
        }
    }

    /** This JVM's class path without empty entries (an empty one is the working directory: a second changelog). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
