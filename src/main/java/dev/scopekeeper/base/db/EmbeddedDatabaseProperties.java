package dev.scopekeeper.base.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MariaDB, used only when {@code spring.datasource.url} is not set.
 *
 * @param dataDir  where the database files live ({@code SCOPEKEEPER_DATA_DIR}, default {@code ./data})
 * @param port     TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param database the schema name
 */
@ConfigurationProperties(prefix = "scopekeeper.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, String database) {

    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null || database.isBlank() ? "scopekeeper" : database;
    }
}
