package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No column of the schema is a MariaDB {@code TIMESTAMP}, which ends on 2038-01-19 before MariaDB 11.5: every
 * instant is a {@code DATETIME(6)} in UTC (changeset 061). A changeset that adds a {@code TIMESTAMP} column fails
 * here.
 */
@ScopekeeperTest
class TimestampColumnsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noColumnIsATimestamp() {
        List<String> timestamps = jdbc.queryForList(
                "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME)"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'timestamp'"
                        + " ORDER BY TABLE_NAME, COLUMN_NAME",
                String.class);

        assertThat(timestamps).isEmpty();
    }

    @Test
    void theInstantColumnsAreDatetimeWithMicroseconds() {
        List<String> types = jdbc.queryForList(
                "SELECT COLUMN_TYPE FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pat'"
                        + " AND COLUMN_NAME IN ('issued_at', 'expires_at', 'revoked_at', 'last_used_at')",
                String.class);

        assertThat(types).hasSize(4).containsOnly("datetime(6)");
    }
}
