package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.api.AuthenticationThrottle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Repeated bad tokens from one address get 429 with Retry-After, but only bad tokens: a valid user
 * token or PAT from the same address always works. Behind the trusted proxy (the test profile runs
 * with {@code server.forward-headers-strategy=native}, loopback being a trusted proxy) the client is
 * the address in {@code X-Forwarded-For}, for the throttle and for the PAT's "last used IP" alike.
 * Shared API context: the limit is changed at run time, not by a property override.
 */
@ApiTest
class AuthenticationThrottleApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    AuthenticationThrottle throttle;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    PatUsageRecorder usage;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    AuditLog audit;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void lowLimit() {
        throttle.configure(5, Duration.ofMinutes(1));
    }

    @AfterEach
    void defaultLimit() {
        throttle.restoreDefaults();
    }

    @Test
    void anAddressSendingBadTokensGets429ForFurtherBadTokensOnly() {
        UserProfile user = users.create("throttled", PlatformRole.USER);
        String userToken = api.accessToken(user);
        long domain = domains.domain("Throttle");
        domains.member(domain, user, DomainRole.VIEWER);
        String pat = readDomainPat(userToken, domain).path("secret").asString();
        String bad = new PatTokens(null).generate();
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/domains", bad).assertProblem(401, "Invalid personal access token");
        }

        Response throttled = api.get("/api/v1/domains", bad);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        long retryAfter =
                Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 61L);
        assertThat(throttled.json().path("detail").asString()).startsWith("Too many invalid tokens from your address");
        assertThat(api.get("/api/v1/domains", "pat_garbage").status()).isEqualTo(429);
        assertThat(api.get("/api/v1/users/me", "not.a.jwt").status()).isEqualTo(429);
        // Valid credentials from the very same address are never refused by the throttle.
        assertThat(api.get("/api/v1/users/me", userToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/domains/" + domain, pat).status()).isEqualTo(200);
        assertThat(api.accessToken(user)).isNotBlank();
    }

    @Test
    void behindTheTrustedProxyEachForwardedClientHasItsOwnCountAndIsTheLastUsedIp() {
        UserProfile user = users.create("proxied", PlatformRole.USER);
        String userToken = api.accessToken(user);
        long domain = domains.domain("Proxied");
        domains.member(domain, user, DomainRole.VIEWER);
        JsonNode created = readDomainPat(userToken, domain);
        String bad = new PatTokens(null).generate();
        for (int i = 0; i < 6; i++) {
            get("/api/v1/domains", bad, "203.0.113.7");
        }
        assertThat(get("/api/v1/domains", bad, "203.0.113.7").statusCode()).isEqualTo(429);

        assertThat(get("/api/v1/domains", bad, "198.51.100.20").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/domains/" + domain, created.path("secret").asString(), "198.51.100.20")
                        .statusCode())
                .isEqualTo(200);
        usage.flush();
        assertThat(jdbc.queryForObject(
                        "SELECT last_used_ip FROM pat WHERE id = ?",
                        String.class,
                        created.path("id").asLong()))
                .isEqualTo("198.51.100.20");
    }

    @Test
    void badTokensAnswered429AreNotAuditedOneByOne() {
        String address = "192.0.2.55";
        String unknown = new PatTokens(null).generate();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(get("/api/v1/domains", unknown, address).statusCode());
        }
        // a revoked-or-unknown service credential is refused the same way (and is one more bad token)
        statuses.add(get("/api/v1/introspect", new PatTokens(null).generate("svc_"), address)
                .statusCode());
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429, 429);

        audit.awaitWritten(Duration.ofSeconds(10));
        List<String> audited = jdbc.queryForList(
                "SELECT details FROM audit_event WHERE ip = ? AND event_type = 'PAT_USE_DENIED' ORDER BY id",
                String.class,
                address);
        String hint = "unknown token " + PatTokens.hint(unknown);
        // the five answered 401 one by one, the one that tripped the throttle once more with a note, then nothing:
        // no database write for each request answered 429
        assertThat(audited).hasSize(6);
        assertThat(audited.subList(0, 5)).containsOnly(hint);
        assertThat(audited.get(5))
                .startsWith(
                        hint + "; too many bad tokens from this address: its further bad tokens are answered 429 for")
                .endsWith("and not audited one by one");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE ip = ? AND event_type = 'SERVICE_CREDENTIAL_USE_DENIED'",
                        Integer.class,
                        address))
                .isZero();

        // within the limit a refused service credential is audited, with its hint only
        String service = new PatTokens(null).generate("svc_");
        assertThat(get("/api/v1/introspect", service, "192.0.2.56").statusCode())
                .isEqualTo(401);
        audit.awaitWritten(Duration.ofSeconds(10));
        assertThat(jdbc.queryForList(
                        "SELECT details FROM audit_event WHERE ip = ? AND event_type = 'SERVICE_CREDENTIAL_USE_DENIED'",
                        String.class,
                        "192.0.2.56"))
                .containsExactly("unknown service credential " + PatTokens.hint(service));
    }

    private JsonNode readDomainPat(String userToken, long domain) {
        Response created = api.post(
                "/api/v1/pats",
                userToken,
                Map.of(
                        "name",
                        "t" + System.nanoTime(),
                        "duration",
                        "7d",
                        "scopes",
                        List.of(Map.of("domain_id", domain, "entity_type", "domains", "operation", "read"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private HttpResponse<String> get(String path, String token, String forwardedFor) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", forwardedFor)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
