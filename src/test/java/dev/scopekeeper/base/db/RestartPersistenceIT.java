package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.Application;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.SetupService;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database keeps its data across a full stop and start of the application. Two application starts
 * of its own, so it runs with the journeys in the integration-test phase (Failsafe), not with the unit tests.
 */
class RestartPersistenceIT {

    private final Path dataDir = Path.of("target", "restart-test-" + UUID.randomUUID());

    @Test
    void dataWrittenBeforeARestartIsStillThereAfterwards() {
        String username;
        try (ConfigurableApplicationContext first = start()) {
            UserProfile user = first.getBean(TestUsers.class).create("persisted", PlatformRole.ADMIN);
            username = user.username();
        }
        assertThat(dataDir.resolve("mariadb")).isDirectory();

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Integer count =
                    jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username);
            assertThat(count).isEqualTo(1);
            assertThat(second.getBean(SetupService.class).isSetupComplete()).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank application.properties and the environment.
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--spring.datasource.url=",
                        "--scopekeeper.embedded-db.data-dir=" + dataDir.toAbsolutePath(),
                        "--scopekeeper.admin.username=",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
    }

    @AfterEach
    void removeDataDir() throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
