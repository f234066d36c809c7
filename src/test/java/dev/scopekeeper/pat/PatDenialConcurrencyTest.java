package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A denied PAT request audits its denial without holding a second pool connection: many concurrent
 * denials cannot starve the pool into a self-deadlock. And what the PAT cache keeps about the owner
 * carries no password hash.
 */
@ApiTest
class PatDenialConcurrencyTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    PatCache cache;

    @Autowired
    PatTokens tokens;

    private JsonNode clientViewPat(UserProfile owner, long domain) {
        return createClientViewPat(api.accessToken(owner), "d" + System.nanoTime(), "7d", domain, "*");
    }

    @Test
    void fiftyConcurrentDeniedRequestsAreAllAnswered403AndAuditedWithoutExhaustingThePool() throws Exception {
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        int requests = Math.max(50, 5 * poolSize);
        UserProfile owner = users.create("denied", PlatformRole.USER);
        long domain = domains.domain("Denials");
        domains.member(domain, owner, DomainRole.EDITOR);
        JsonNode pat = clientViewPat(owner, domain);
        String secret = pat.path("secret").asString();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI channels = URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port")
                + "/api/v1/domains/" + domain + "/channels");

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, requests)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(channels)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + secret)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        long started = System.nanoTime();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answers).allSatisfy(answer -> {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("list_channels");
        });
        // Hikari waits 30 s for a connection before failing: a deadlocked pool would show up as that wait.
        assertThat(took).isLessThan(Duration.ofSeconds(25));
        assertThat(audit.awaitWritten(Duration.ofSeconds(30))).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE event_type = 'PAT_USE_DENIED'"
                                + " AND target_type = 'pat' AND target_id = ?",
                        Integer.class,
                        pat.path("id").asLong()))
                .isEqualTo(requests);
    }

    @Test
    void theCachedOwnerOfAPatCarriesNoPasswordHash() {
        UserProfile owner = users.create("cached", PlatformRole.USER);
        long domain = domains.domain("Cached");
        domains.member(domain, owner, DomainRole.EDITOR);
        String secret = clientViewPat(owner, domain).path("secret").asString();
        assertThat(api.get("/api/v1/domains/" + domain + "/clients", secret).status())
                .isIn(200, 403);

        PatCache.Entry entry = cache.get(tokens.digest(secret), digest -> {
                    throw new AssertionError("the token's entry should be cached after a request");
                })
                .orElseThrow();

        assertThat(entry.owner().id()).isEqualTo(owner.id());
        assertThat(entry.owner().getPassword()).isNull();
        assertThat(Arrays.stream(ScopekeeperPrincipal.class.getRecordComponents())
                        .map(c -> c.getName()))
                .containsExactly("id", "username", "role", "enabled");
        assertThat(entry.toString()).doesNotContain("{bcrypt}", "$2a$", "$2b$");
    }
}
