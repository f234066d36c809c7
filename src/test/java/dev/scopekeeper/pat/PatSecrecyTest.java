package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A token's secret exists only in the one response that issues it: not in any log line (with
 * DEBUG logging of the app, Spring MVC, Spring Security and SQL), not in any table, not in the
 * audit log, not in any later response.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class PatSecrecyTest extends ApiTestBase {

    /**
     * The loggers turned up for this test, set at run time through Spring Boot's logging system (the same as
     * {@code logging.level.*} properties, without a Spring context of their own) and put back afterwards.
     */
    private static final Map<String, LogLevel> VERBOSE = Map.of(
            "dev.scopekeeper", LogLevel.DEBUG,
            "org.springframework.web", LogLevel.DEBUG,
            "org.springframework.security", LogLevel.DEBUG,
            "org.hibernate.SQL", LogLevel.DEBUG,
            "org.hibernate.orm.jdbc.bind", LogLevel.TRACE);

    @Autowired
    LoggingSystem loggingSystem;

    private final Map<String, LogLevel> configuredBefore = new HashMap<>();

    @BeforeEach
    void logVerbosely() {
        VERBOSE.forEach((logger, level) -> {
            LoggerConfiguration configuration = loggingSystem.getLoggerConfiguration(logger);
            configuredBefore.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            loggingSystem.setLogLevel(logger, level);
        });
    }

    @AfterEach
    void restoreLogLevels() {
        configuredBefore.forEach(loggingSystem::setLogLevel);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PatUsageRecorder usage;

    @Test
    void theSecretIsNeverLoggedStoredOrShownAgain(CapturedOutput output) {
        String token = api.accessToken(users.create("secretive", PlatformRole.USER));
        var created = api.post("/api/v1/pats", token, Map.of("name", "quiet", "duration", "7d"))
                .json();
        long id = created.path("id").asLong();
        String first = created.path("secret").asString();
        String second = api.patch("/api/v1/pats/" + id + "/secret/reset", token, Map.of("duration", "7d"))
                .json()
                .path("secret")
                .asString();
        List<String> secrets = List.of(first, second);

        // use both: the old one is refused, the new one is recognised (and refused only for managing tokens)
        assertThat(api.get("/api/v1/pats", first).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/pats", second).status()).isEqualTo(403);
        usage.flush();
        List<String> laterResponses = List.of(
                api.get("/api/v1/pats/" + id, token).body(),
                api.get("/api/v1/pats?status=all", token).body(),
                api.get("/api/v1/pats/" + id + "/scope", token).body());

        String everyRow = dumpEveryTable();
        for (String secret : secrets) {
            String body = secret.substring(4, 36);
            assertThat(output.getAll()).doesNotContain(body);
            assertThat(everyRow).doesNotContain(body);
            assertThat(laterResponses)
                    .allSatisfy(response -> assertThat(response).doesNotContain(body));
        }
        assertThat(everyRow).contains(PatTokens.hint(second)).contains("PAT_REGENERATED");
        assertThat(output.getAll()).contains("/api/v1/pats");
        assertThat(output.getAll()).as("SQL parameters were logged").contains("binding parameter");
    }

    private String dumpEveryTable() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables" + " WHERE table_schema = DATABASE()", String.class);
        assertThat(tables).contains("pat", "pat_scope", "audit_event", "app_user");
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            jdbc.queryForList("SELECT * FROM `" + table + "`").forEach(row -> rows.add(table + ": " + row));
        }
        return String.join("\n", rows);
    }
}
