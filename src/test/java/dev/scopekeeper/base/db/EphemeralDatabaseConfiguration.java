package dev.scopekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests only ({@code scopekeeper.embedded-db.ephemeral=true}, set by {@code @ScopekeeperTest}): one
 * throw-away embedded MariaDB for the whole test JVM, removed when the JVM exits, and a fresh schema
 * for every Spring context. Found by component scanning (test classes are on the classpath); its
 * data source makes the application's {@link EmbeddedDatabaseConfiguration} step aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "scopekeeper.embedded-db.ephemeral", havingValue = "true")
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EphemeralDatabaseConfiguration {

    /** The schemas the test server's application user may create and use. */
    static final String TEST_SCHEMAS = "sk\\_test\\_%";

    private static EmbeddedMariaDb shared;

    static synchronized EmbeddedMariaDb sharedServer() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("scopekeeper-test-db-");
                // stopped and removed after the last test context has closed (EmbeddedMariaDb's shutdown handler)
                shared = EmbeddedMariaDb.startTemporary(root, TEST_SCHEMAS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource() {
        EmbeddedMariaDb db = sharedServer();
        String schema =
                "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        db.createDatabase(schema);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.jdbcUrl(schema));
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        dataSource.setPoolName("scopekeeper-test");
        return dataSource;
    }
}
