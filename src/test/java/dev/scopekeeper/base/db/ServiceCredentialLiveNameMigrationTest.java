package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changeset 145 (a unique key on the names of live service credentials) on an install that already has live
 * duplicates: the database is migrated up to the changeset before 145, gets duplicates by the column's collation
 * (the same name, another case, another accent, trailing spaces, a name at the column's full length, a name that
 * already looks like a renamed one) and a revoked namesake, then starts as the application does
 * ({@link LiquibaseStartup}). Every live name is then unique, readable (the name it had, then its id) and fits the
 * column; the oldest of each group and the revoked one keep their names.
 */
class ServiceCredentialLiveNameMigrationTest {

    private static final String CHANGESET_140 = "140-service-credentials";
    private static final String CHANGESET_145 = "145-service-credential-live-name";
    private static final int NAME_LENGTH = 100;

    @Test
    void liveDuplicatesAnInstallAlreadyHasAreRenamedAndTheUniqueKeyIsAdded() throws Exception {
        try (HikariDataSource schema = EmptySchemas.emptySchema(3)) {
            JdbcTemplate jdbc = new JdbcTemplate(schema);
            migrateUpToBefore145(schema);
            assertThat(jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class))
                    .contains(CHANGESET_140)
                    .doesNotContain(CHANGESET_145, "147-service-credential-live-duplicates");

            String longName = "n".repeat(NAME_LENGTH);
            List<Object[]> inserted = List.of(
                    row("billing", false),
                    row("billing", true), // revoked: keeps its name, does not count
                    row("billing", false),
                    row("Billing", false),
                    row("bílling", false),
                    row("BÍLLING ", false),
                    row("billing (3)", false), // a live name the renaming of the third row may not take
                    row(longName, false),
                    row(longName.toUpperCase(), false),
                    row("reports", false));
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            for (Object[] values : inserted) {
                jdbc.update(
                        "INSERT INTO service_credential (name, secret_digest, secret_hint, created_at, created_by_id,"
                                + " revoked_at, version) VALUES (?, ?, 'svc_ab12…wxyz', ?, 1, ?, 0)",
                        values[0],
                        UUID.randomUUID().toString().replace("-", "")
                                + UUID.randomUUID().toString().replace("-", ""),
                        Timestamp.from(now),
                        (Boolean) values[1] ? Timestamp.from(now) : null);
            }
            Map<Long, String> before = names(jdbc);

            LiquibaseStartup.migrate(EmptySchemas.liquibase(schema));

            assertThat(jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class))
                    .contains(CHANGESET_145);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class))
                    .isEqualTo(changeSetCount());
            Map<Long, String> after = names(jdbc);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            List<Long> ids = List.copyOf(before.keySet());
            long oldest = ids.get(0);
            long revoked = ids.get(1);
            assertThat(after.get(oldest)).isEqualTo("billing");
            assertThat(after.get(revoked)).isEqualTo("billing");
            assertThat(jdbc.queryForObject(
                            "SELECT revoked_at IS NOT NULL FROM service_credential WHERE id = ?",
                            Boolean.class,
                            revoked))
                    .isTrue();
            assertThat(after.get(ids.get(9))).isEqualTo("reports");
            assertThat(after.get(ids.get(7))).isEqualTo(longName);

            // every live name unique by the column's own collation, and the key that keeps them so exists
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) - COUNT(DISTINCT name) FROM service_credential WHERE revoked_at IS NULL",
                            Integer.class))
                    .isZero();
            assertThat(jdbc.queryForList(
                            "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema ="
                                    + " DATABASE() AND table_name = 'service_credential' AND constraint_type = 'UNIQUE'",
                            String.class))
                    .contains("uk_service_credential_live_name");

            for (long id : ids) {
                String name = after.get(id);
                assertThat(name.length()).as("name of #%d: %s", id, name).isLessThanOrEqualTo(NAME_LENGTH);
                assertThat(name).as("name of #%d", id).isEqualTo(name.strip()).doesNotContain("  ");
                String was = before.get(id).strip();
                if (!name.equals(before.get(id))) {
                    // readable: what it was called (shortened only to fit), then its id
                    assertThat(name).as("renamed #%d", id).endsWith(" (" + id + ")");
                    String kept = name.substring(0, name.length() - (" (" + id + ")").length());
                    assertThat(was).as("renamed #%d: %s", id, name).startsWith(kept);
                    assertThat(kept.length()).isGreaterThanOrEqualTo(Math.min(was.length(), 80));
                }
            }
        }
    }

    private static Object[] row(String name, boolean revoked) {
        return new Object[] {name, revoked};
    }

    private static Map<Long, String> names(JdbcTemplate jdbc) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT id, name FROM service_credential ORDER BY id", rs -> {
            names.put(rs.getLong("id"), rs.getString("name"));
        });
        return names;
    }

    /** Every changeset up to 140 (the one before 145 was released), as an install last upgraded then. */
    private static void migrateUpToBefore145(HikariDataSource schema) throws Exception {
        LiquibaseStartup.prepareTables(schema, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK");
        try (var connection = schema.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(
                    EmptySchemas.CHANGELOG,
                    new ClassLoaderResourceAccessor(ServiceCredentialLiveNameMigrationTest.class.getClassLoader()),
                    database);
            List<ChangeSet> changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
            int upTo140 = -1;
            for (int i = 0; i < changeSets.size(); i++) {
                if (changeSets.get(i).getId().equals(CHANGESET_140)) {
                    upTo140 = i + 1;
                }
            }
            assertThat(upTo140).as("changeset 140 is in the changelog").isPositive();
            liquibase.update(upTo140, "");
        }
    }

    private static int changeSetCount() throws Exception {
        try (HikariDataSource schema = EmptySchemas.emptySchema(3);
                var connection = schema.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            return new Liquibase(
                            EmptySchemas.CHANGELOG,
                            new ClassLoaderResourceAccessor(
                                    ServiceCredentialLiveNameMigrationTest.class.getClassLoader()),
                            database)
                    .getDatabaseChangeLog()
                    .getChangeSets()
                    .size();
        }
    }
}
