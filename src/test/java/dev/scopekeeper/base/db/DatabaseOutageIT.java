package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.Application;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, "database down for 20-50 s": the application runs on an embedded MariaDB of its own, which this test
 * stops while a user holds a PAT and a user access token. While it is down, every API call answers 503
 * problem+json with Retry-After within 5 s (never a redirect, never a 500, never the pool's 30 s) and readiness is
 * DOWN; once the server is started again the API and readiness recover by themselves. One application start of its
 * own (Failsafe). Not covered yet: the UI's "Database unavailable, retrying" view did not appear in Chromium when
 * this was written (issue 13 stays open for it).
 */
class DatabaseOutageIT {

    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir = Path.of("target", "outage-test-" + UUID.randomUUID());
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private EmbeddedMariaDb restarted;
    private String base;

    @Test
    void anOutageIsAnswered503WithRetryAfterAndTheApiRecoversByItself() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            base = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            UserProfile user = app.getBean(TestUsers.class).create("outage", PlatformRole.ADMIN);
            String userToken = JSON.readTree(send(
                                    "POST",
                                    "/api/v1/users/tokens/issue",
                                    null,
                                    Map.of("username", user.username(), "password", TestUsers.PASSWORD))
                            .body())
                    .path("access_token")
                    .asString();
            // never used before the outage, so nothing about it is cached: its first use must read the database
            HttpResponse<String> created = send(
                    "POST", "/api/v1/pats", userToken, Map.of("name", "outage", "description", "", "duration", "7d"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String pat = JSON.readTree(created.body()).path("secret").asString();

            // the database goes away
            EmbeddedMariaDb db = app.getBean(EmbeddedMariaDb.class);
            int port = db.port();
            db.close();

            assertUnavailable(send("GET", "/api/v1/pats", pat, null));
            assertUnavailable(send(
                    "POST", "/api/v1/pats", userToken, Map.of("name", "during", "description", "", "duration", "7d")));
            assertUnavailable(send("GET", "/api/v1/pats", userToken, null));
            HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).path("status").asString())
                    .isEqualTo("DOWN");
            assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode())
                    .as("liveness stays UP: restarting the node would not bring the database back")
                    .isEqualTo(200);

            // the database comes back: nothing is restarted or reloaded by hand
            EmbeddedDatabaseProperties properties = app.getBean(EmbeddedDatabaseProperties.class);
            restarted = EmbeddedMariaDb.startPersistent(properties.dataDir(), port, properties.database());

            // recognised again, then refused for managing tokens (a PAT cannot): 403, not 503 or 401
            awaitStatus(403, () -> send("GET", "/api/v1/pats", pat, null));
            awaitStatus(200, () -> send("GET", "/actuator/health/readiness", null, null));
            HttpResponse<String> after = send(
                    "POST", "/api/v1/pats", userToken, Map.of("name", "after", "description", "", "duration", "7d"));
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        }
    }

    private void assertUnavailable(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString())
                .isEqualTo("The database is unavailable at the moment; try again in a few seconds");
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (response.statusCode() == 503) {
            assertThat(took)
                    .as(method + " " + path + " answered 503 after " + took)
                    .isLessThan(ANSWER_BOUND);
        }
        return response;
    }

    private static void awaitStatus(int status, ThrowingSupplier<HttpResponse<String>> call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = call.get();
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = call.get();
        }
        assertThat(last.statusCode()).as(last.body()).isEqualTo(status);
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private ConfigurableApplicationContext start() {
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
    void stopAndRemove() throws IOException {
        if (restarted != null) {
            restarted.close();
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
