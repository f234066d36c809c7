package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.scopekeeper.ScopekeeperTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
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
        try (HikariDataSource empty = emptySchema()) {
            int nodes = 2;
            CyclicBarrier together = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<Object>> starts = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    starts.add(pool.submit(() -> {
                        SpringLiquibase liquibase = liquibase(empty);
                        together.await(30, TimeUnit.SECONDS);
                        LiquibaseStartup.migrate(liquibase);
                        return null;
                    }));
                }
                for (Future<Object> start : starts) {
                    start.get(10, TimeUnit.MINUTES); // no node fails (the second waits for Liquibase's lock)
                }
            } finally {
                pool.shutdownNow();
            }
            JdbcTemplate schema = new JdbcTemplate(empty);
            assertThat(schema.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class))
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class));
            assertThat(schema.queryForObject(
                            "SELECT COUNT(*) - COUNT(DISTINCT ID, AUTHOR, FILENAME) FROM DATABASECHANGELOG",
                            Integer.class))
                    .isZero();
            // Not asserted yet: after this concurrent run the lock row was once found still LOCKED (a single start
            // releases it: RestartPersistenceIT). Open issue, see the i13-faults report.
            assertThat(schema.queryForList(TABLES_WITHOUT_PRIMARY_KEY, String.class))
                    .isEmpty();
        }
    }

    @Test
    void anInstallWhoseChangelogTableHasNoPrimaryKeyGetsOneFromChangeset130() throws Exception {
        try (HikariDataSource older = emptySchema()) {
            // what Liquibase alone creates (no key), as on installs made before issue 13
            JdbcTemplate schema = new JdbcTemplate(older);
            schema.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,"
                    + " FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED DATETIME NOT NULL, ORDEREXECUTED INT NOT NULL,"
                    + " EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL,"
                    + " COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL, LIQUIBASE VARCHAR(20) NULL,"
                    + " CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)");

            LiquibaseStartup.migrate(liquibase(older));

            assertThat(schema.queryForList(TABLES_WITHOUT_PRIMARY_KEY, String.class))
                    .isEmpty();
        }
    }

    private static SpringLiquibase liquibase(HikariDataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }

    /** A new, empty schema on the test server (skipped against an external test database). */
    private static HikariDataSource emptySchema() {
        Assumptions.assumeTrue(
                System.getenv("SCOPEKEEPER_TEST_DATASOURCE_URL") == null, "needs the embedded test server");
        EmbeddedMariaDb server = EphemeralDatabaseConfiguration.sharedServer();
        String name = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.createDatabase(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(name));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(6);
        return dataSource;
    }
}
