package dev.scopekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MariaDB and points the data source at it, unless an external database is
 * configured through {@code spring.datasource.url} ({@code SPRING_DATASOURCE_URL}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    /** Persistent server owned by this context (stopped with it); ephemeral ones belong to the JVM. */
    @Bean(destroyMethod = "")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        if (properties.ephemeral()) {
            return EmbeddedMariaDb.sharedEphemeral();
        }
        return EmbeddedMariaDb.startPersistent(properties.dataDir(), properties.port());
    }

    @Bean
    EmbeddedMariaDbLifecycle embeddedMariaDbLifecycle(EmbeddedMariaDb db, EmbeddedDatabaseProperties properties) {
        return new EmbeddedMariaDbLifecycle(properties.ephemeral() ? null : db);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db, EmbeddedDatabaseProperties properties,
            EmbeddedMariaDbLifecycle lifecycle) {
        String schema = properties.ephemeral()
                ? "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                : properties.database();
        db.createDatabase(schema);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.jdbcUrl(schema));
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setPoolName("scopekeeper-embedded");
        return dataSource;
    }

    /** Stops a persistent server after the data source is closed (it depends on this bean). */
    static final class EmbeddedMariaDbLifecycle implements AutoCloseable {
        private final EmbeddedMariaDb owned;

        EmbeddedMariaDbLifecycle(EmbeddedMariaDb owned) {
            this.owned = owned;
        }

        @Override
        public void close() {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
