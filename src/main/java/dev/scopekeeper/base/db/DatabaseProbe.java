package dev.scopekeeper.base.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers right now: one connection from the pool, validated. While the database is down
 * this takes the pool's connection time-out (2.5 s), so callers on a UI thread run it in the background.
 */
@Component
public class DatabaseProbe {

    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
