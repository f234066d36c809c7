package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.MutableClock;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rotation with a grace period over HTTP: during the grace both secrets work, after it only the new one;
 * revoking kills both; the next regeneration ends the previous grace; "Stop now" ends it; uses are audited.
 */
@ApiTest
class PatGraceRotationApiTest extends ApiTestBase {

    @Autowired
    MutableClock clock;

    @Autowired
    PatLifecycleService lifecycle;

    @Autowired
    LifecyclePolicyService lifecyclePolicies;

    @Autowired
    PatGraceUsage graceUsage;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile alice;
    String userToken;
    String clientPath;
    long patId;
    String oldSecret;

    @BeforeEach
    void aliceHasAPatThatViewsAClient() {
        alice = users.create("alice", PlatformRole.USER);
        userToken = api.accessToken(alice);
        long domain = domains.domain("Grace");
        domains.member(domain, alice, DomainRole.EDITOR);
        long client = domains.client(domain, "pump");
        clientPath = "/api/v1/domains/" + domain + "/clients/" + client;
        JsonNode pat = createClientViewPat(userToken, "deploy", "30d", domain, String.valueOf(client));
        patId = pat.path("id").asLong();
        oldSecret = pat.path("secret").asString();
        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);
    }

    @AfterEach
    void reset() {
        clock.reset();
        users.signOut();
    }

    private String regenerate(String grace) {
        Map<String, Object> body =
                grace == null ? Map.of("duration", "30d") : Map.of("duration", "30d", "grace", grace);
        ApiClient.Response response = api.patch("/api/v1/pats/" + patId + "/secret/reset", userToken, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("secret").asString();
    }

    @Test
    void duringTheGraceBothSecretsWorkAfterItOnlyTheNewOne() {
        String newSecret = regenerate("1h");

        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);
        assertThat(api.get(clientPath, newSecret).status()).isEqualTo(200);
        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);

        users.signIn(alice);
        graceUsage.flush();
        PatLifecycleService.GraceStatus grace = lifecycle.grace(patId).orElseThrow();
        assertThat(grace.uses()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE event_type = 'PAT_OLD_SECRET_USED'"
                                + " AND target_id = ? AND details LIKE '%2 request(s)%'",
                        Integer.class, patId))
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(401);
        assertThat(api.get(clientPath, newSecret).status()).isEqualTo(200);
        assertThat(lifecycle.grace(patId)).isEmpty();
    }

    @Test
    void withoutAGraceTheOldSecretStopsAtOnce() {
        String newSecret = regenerate(null);

        api.get(clientPath, oldSecret).assertProblem(401, "Invalid personal access token");
        assertThat(api.get(clientPath, newSecret).status()).isEqualTo(200);
    }

    @Test
    void revokingEndsBothSecrets() {
        String newSecret = regenerate("1d");
        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);

        api.patch("/api/v1/pats/" + patId + "/secret/revoke", userToken, null);

        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(401);
        assertThat(api.get(clientPath, newSecret).status()).isEqualTo(401);
    }

    @Test
    void theNextRegenerationEndsThePreviousGrace() {
        String second = regenerate("7d");
        String third = regenerate("1h");

        api.get(clientPath, oldSecret).assertProblem(401, "Invalid personal access token");
        assertThat(api.get(clientPath, second).status())
                .as("the secret the last regeneration replaced")
                .isEqualTo(200);
        assertThat(api.get(clientPath, third).status()).isEqualTo(200);
    }

    @Test
    void stopNowEndsTheGraceAtOnce() {
        String newSecret = regenerate("7d");
        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);

        users.signIn(alice);
        lifecycle.endGrace(patId);

        assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(401);
        assertThat(api.get(clientPath, newSecret).status()).isEqualTo(200);
        assertThat(lifecycle.grace(patId)).isEmpty();
    }

    @Test
    void anUnknownOrForbiddenGraceIsRefused() {
        api.patch("/api/v1/pats/" + patId + "/secret/reset", userToken, Map.of("duration", "30d", "grace", "30d"))
                .assertProblem(422, "Unknown grace period 30d: use 1h, 1d or 7d");
        assertThat(api.get(clientPath, oldSecret).status())
                .as("nothing changed")
                .isEqualTo(200);
    }

    @Test
    void thePolicyCapsTheGrace() {
        UserProfile admin = users.create("admin", PlatformRole.ADMIN);
        users.signIn(admin);
        PatLifecyclePolicy before = lifecyclePolicies.get();
        try {
            lifecyclePolicies.update(new PatLifecyclePolicy(before.warnDays(), PatGrace.ONE_DAY));
            api.patch("/api/v1/pats/" + patId + "/secret/reset", userToken, Map.of("duration", "30d", "grace", "7d"))
                    .assertProblem(
                            422, "The administrator's policy allows keeping the old secret working for 1d at most");
            assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);
            regenerate("1d");
            assertThat(api.get(clientPath, oldSecret).status()).isEqualTo(200);
        } finally {
            users.signIn(admin);
            lifecyclePolicies.update(before);
        }
    }

    @Test
    void thePolicyMayForbidTheGrace() {
        UserProfile admin = users.create("admin", PlatformRole.ADMIN);
        users.signIn(admin);
        PatLifecyclePolicy before = lifecyclePolicies.get();
        try {
            lifecyclePolicies.update(new PatLifecyclePolicy(before.warnDays(), PatGrace.NONE));
            api.patch("/api/v1/pats/" + patId + "/secret/reset", userToken, Map.of("duration", "30d", "grace", "1h"))
                    .assertProblem(422, "The administrator's policy does not allow keeping the old secret working");
            assertThat(api.get(clientPath, oldSecret).status())
                    .as("nothing changed")
                    .isEqualTo(200);
            String newSecret = regenerate(null);
            api.get(clientPath, oldSecret).assertProblem(401, "Invalid personal access token");
            assertThat(api.get(clientPath, newSecret).status()).isEqualTo(200);
        } finally {
            users.signIn(admin);
            lifecyclePolicies.update(before);
        }
    }
}
