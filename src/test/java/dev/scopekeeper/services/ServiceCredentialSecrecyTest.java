package dev.scopekeeper.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.security.PlatformRole;
import java.time.Duration;
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
 * A service credential's secret exists only in the create response, and the PATs other services ask about are never
 * written anywhere: with DEBUG logging of the app, Spring MVC, Spring Security and SQL, neither is in any log line,
 * any table (the audit log included) or any later response.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class ServiceCredentialSecrecyTest extends ApiTestBase {

    private static final Map<String, LogLevel> VERBOSE = Map.of(
            "dev.scopekeeper", LogLevel.DEBUG,
            "org.springframework.web", LogLevel.DEBUG,
            "org.springframework.security", LogLevel.DEBUG,
            "org.hibernate.SQL", LogLevel.DEBUG,
            "org.hibernate.orm.jdbc.bind", LogLevel.TRACE);

    @Autowired
    LoggingSystem loggingSystem;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

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

    @Test
    void neitherTheServiceSecretNorTheTokensAskedAboutAreLoggedStoredOrShownAgain(CapturedOutput output) {
        String admin = api.accessToken(users.create("svcsecret", PlatformRole.ADMIN));
        var created = api.post("/api/v1/admin/services", admin, Map.of("name", "quiet-" + System.nanoTime()))
                .json();
        String service = created.path("secret").asString();
        String pat = api.post("/api/v1/pats", admin, Map.of("name", "asked" + System.nanoTime(), "duration", "7d"))
                .json()
                .path("secret")
                .asString();
        String unknownPat = new PatTokens(null).generate();
        String unknownService = new PatTokens(null).generate("svc_");

        assertThat(api.post("/api/v1/introspect", service, Map.of("token", pat)).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/introspect", service, Map.of("token", unknownPat))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/authorize",
                                service,
                                Map.of("token", pat, "domain_id", 1, "entity_type", "clients", "operation", "view"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/authorize", service, Map.of("token", pat)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/introspect", unknownService, Map.of("token", pat))
                        .status())
                .isEqualTo(401);
        api.delete("/api/v1/admin/services/" + created.path("id").asLong(), admin);
        assertThat(api.post("/api/v1/introspect", service, Map.of("token", pat)).status())
                .isEqualTo(401);
        assertThat(audit.awaitWritten(Duration.ofSeconds(10))).isTrue();

        String laterResponse =
                api.get("/api/v1/admin/services?limit=100", admin).body();
        String everyRow = dumpEveryTable();
        for (String secret : List.of(service, pat, unknownPat, unknownService)) {
            String body = secret.substring(4, 36);
            assertThat(output.getAll()).as("logs").doesNotContain(body);
            assertThat(everyRow).as("tables").doesNotContain(body);
            assertThat(laterResponse).doesNotContain(body);
        }
        assertThat(everyRow)
                .contains(PatTokens.hint(service))
                .contains("SERVICE_CREDENTIAL_CREATED", "SERVICE_CREDENTIAL_REVOKED", "SERVICE_CREDENTIAL_USE_DENIED");
        assertThat(output.getAll()).contains("/api/v1/introspect");
        assertThat(output.getAll()).as("SQL parameters were logged").contains("binding parameter");
    }

    private String dumpEveryTable() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
        assertThat(tables).contains("service_credential", "audit_event");
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            jdbc.queryForList("SELECT * FROM `" + table + "`").forEach(row -> rows.add(table + ": " + row));
        }
        return String.join("\n", rows);
    }
}
