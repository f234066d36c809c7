package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Token self-knowledge: {@code GET /api/v1/pats/self} with a PAT shows that token (never its secret), whatever its
 * scopes; every response to a PAT carries {@code Scopekeeper-Token-Expires}, refusals included.
 */
@ApiTest
class PatSelfApiTest extends ApiTestBase {

    static final String HEADER = "Scopekeeper-Token-Expires";

    UserProfile carol;
    String carolToken;
    long domain;

    @BeforeEach
    void carolEditsADomain() {
        carol = users.create("carol", PlatformRole.USER);
        carolToken = api.accessToken(carol);
        domain = domains.domain("Self");
        domains.member(domain, carol, DomainRole.EDITOR);
    }

    private JsonNode pat(Map<String, Object> body) {
        Response created = api.post("/api/v1/pats", carolToken, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aPatWithoutAnyScopeSeesItsOwnNameOwnerExpiryAndScopesButNotItsSecret() {
        JsonNode created = pat(Map.of("name", "cron job", "description", "nightly", "duration", "7d"));
        String secret = created.path("secret").asString();

        Response self = api.get("/api/v1/pats/self", secret);
        assertThat(self.status()).as(self.body()).isEqualTo(200);
        JsonNode json = self.json();
        assertThat(json.path("id").asLong()).isEqualTo(created.path("id").asLong());
        assertThat(json.path("name").asString()).isEqualTo("cron job");
        assertThat(json.path("user_id").asLong()).isEqualTo(carol.id());
        assertThat(json.path("owner").asString()).isEqualTo(carol.username());
        assertThat(json.path("status").asString()).isEqualTo("active");
        assertThat(json.path("expires_at").asString())
                .isEqualTo(created.path("expires_at").asString());
        assertThat(json.path("scopes").isArray()).isTrue();
        assertThat(json.path("scopes").size()).isZero();
        assertThat(json.has("secret")).isFalse();
        assertThat(self.body()).doesNotContain(secret.substring(4, 36));
        assertThat(self.headers().firstValue(HEADER))
                .hasValue(Instant.parse(created.path("expires_at").asString()).toString());
    }

    @Test
    void itsScopesAreListed() {
        JsonNode created = pat(Map.of(
                "name",
                "scoped",
                "duration",
                "30d",
                "scopes",
                List.of(Map.of("domain_id", domain, "entity_type", "clients", "operation", "view", "entity_id", "*"))));
        JsonNode scopes = api.get("/api/v1/pats/self", created.path("secret").asString())
                .json()
                .path("scopes");
        assertThat(scopes.size()).isEqualTo(1);
        assertThat(scopes.get(0).path("entity_type").asString()).isEqualTo("clients");
        assertThat(scopes.get(0).path("operation").asString()).isEqualTo("view");
        assertThat(scopes.get(0).path("domain_id").asLong()).isEqualTo(domain);
    }

    @Test
    void aUserTokenHasNoSelfToAskAbout() {
        Response refused = api.get("/api/v1/pats/self", carolToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue(HEADER)).as("not a PAT").isEmpty();
    }

    @Test
    void aRevokedPatIsRefusedLikeEverywhere() {
        JsonNode created = pat(Map.of("name", "gone", "duration", "7d"));
        api.patch("/api/v1/pats/" + created.path("id").asLong() + "/secret/revoke", carolToken, null);
        api.get("/api/v1/pats/self", created.path("secret").asString())
                .assertProblem(401, "This personal access token has been revoked");
    }

    @Test
    void refusalsToAValidPatCarryTheExpiryHeaderToo() {
        JsonNode created = pat(Map.of("name", "refused", "duration", "7d"));
        String secret = created.path("secret").asString();
        String expires = Instant.parse(created.path("expires_at").asString()).toString();

        Response managing = api.get("/api/v1/pats", secret);
        assertThat(managing.status()).isEqualTo(403);
        assertThat(managing.headers().firstValue(HEADER)).hasValue(expires);

        Response outsideItsScopes = api.get("/api/v1/domains/" + domain + "/clients", secret);
        assertThat(outsideItsScopes.status()).isEqualTo(404);
        assertThat(outsideItsScopes.headers().firstValue(HEADER)).hasValue(expires);

        Response userToken = api.get("/api/v1/domains/" + domain + "/clients", carolToken);
        assertThat(userToken.headers().firstValue(HEADER))
                .as("only PAT responses")
                .isEmpty();
    }

    @Test
    void aNeverExpiringPatSaysNever() {
        UserProfile admin = users.create("selfadmin", PlatformRole.ADMIN);
        Response created =
                api.post("/api/v1/pats", api.accessToken(admin), Map.of("name", "forever", "duration", "never"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response self =
                api.get("/api/v1/pats/self", created.json().path("secret").asString());
        assertThat(self.headers().firstValue(HEADER)).hasValue("never");
        assertThat(self.json().path("expires_at").isNull()).isTrue();
    }
}
