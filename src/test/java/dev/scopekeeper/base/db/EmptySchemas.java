package dev.scopekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Assumptions;
import org.springframework.core.io.DefaultResourceLoader;

/** Fresh schemas on the embedded test server, for tests that run the changelog themselves. */
final class EmptySchemas {

    static final String CHANGELOG = "db-changelog/db.changelog-master.yaml";

    private EmptySchemas() {}

    /** A new, empty schema on the test server (skipped against an external test database). */
    static HikariDataSource emptySchema(int poolSize) {
        Assumptions.assumeTrue(
                System.getenv("SCOPEKEEPER_TEST_DATASOURCE_URL") == null, "needs the embedded test server");
        EmbeddedMariaDb server = EphemeralDatabaseConfiguration.sharedServer();
        String name = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.createDatabase(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(name));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(poolSize);
        return dataSource;
    }

    /** Liquibase with the application's changelog, on {@code dataSource}. */
    static SpringLiquibase liquibase(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:" + CHANGELOG);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }
}
