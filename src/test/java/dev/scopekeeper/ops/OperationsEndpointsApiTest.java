package dev.scopekeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.PatBenchmarkSupport;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a load balancer, an orchestrator and Prometheus see, over real HTTP on the application port. */
@ApiTest
class OperationsEndpointsApiTest extends ApiTestBase {

    /** src/test/resources/application-test.properties sets it as scopekeeper.metrics.token. */
    private static final String METRICS_TOKEN = "test-metrics-token";

    @Autowired
    PatBenchmarkSupport pats;

    @Test
    void healthIsPublicAndSaysUpWithoutDetails() {
        ApiClient.Response health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("details", "jdbc", "mariadb", "diskSpace");
    }

    @Test
    void livenessAndReadinessProbesAnswerAndReadinessIncludesTheDatabase() {
        ApiClient.Response liveness = api.get("/actuator/health/liveness", null);
        ApiClient.Response readiness = api.get("/actuator/health/readiness", null);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(readiness.json().path("components").has("readinessState")).isTrue();
    }

    @Test
    void prometheusNeedsTheMetricsTokenOnTheApplicationPort() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "wrong-token").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "pat_not-a-token").status()).isEqualTo(401);
        UserProfile admin = users.create("metrics-admin", PlatformRole.ADMIN);
        assertThat(api.get("/actuator/prometheus", api.accessToken(admin)).status())
                .isEqualTo(401);
    }

    @Test
    void otherActuatorEndpointsAreNotServed() {
        assertThat(api.get("/actuator/env", METRICS_TOKEN).status()).isIn(401, 404);
        assertThat(api.get("/actuator/beans", METRICS_TOKEN).status()).isIn(401, 404);
        assertThat(api.get("/actuator/env", METRICS_TOKEN).body()).doesNotContain("spring.datasource");
    }

    @Test
    void prometheusCountsRequestsPatAuthenticationsByOutcomeTheCacheAndTheUsageFlush() {
        UserProfile user = users.create("metrics-user", PlatformRole.USER);
        long domain = domains.domain("Metrics");
        domains.member(domain, user, DomainRole.EDITOR);
        long client = domains.client(domain, "metrics-client");
        String pat = pats.patFor(user, domain, client);
        String clientPath = "/api/v1/domains/" + domain + "/clients/" + client;
        assertThat(api.get(clientPath, pat).status()).isEqualTo(200);
        assertThat(api.get(clientPath, pat).status()).isEqualTo(200);
        assertThat(api.get(clientPath, "pat_not-a-token").status()).isEqualTo(401);

        ApiClient.Response scrape = api.get("/actuator/prometheus", METRICS_TOKEN);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{")
                .containsPattern("scopekeeper_pat_authentications_total\\{[^}]*outcome=\"success\"[^}]*} [1-9]")
                .containsPattern("scopekeeper_pat_authentications_total\\{[^}]*outcome=\"invalid\"[^}]*} [1-9]")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"pat\"[^}]*result=\"hit\"[^}]*} [1-9]")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"pat\"[^}]*result=\"miss\"[^}]*} [1-9]")
                .contains("scopekeeper_pat_usage_flush_seconds_count")
                .doesNotContain(pat);
    }
}
