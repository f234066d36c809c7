package dev.scopekeeper.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * attack3 finding: a PAT whose only scope is {@code clients:view} on ONE client is answered {@code allowed} by
 * {@code POST /api/v1/authorize} (and by the simulator) for {@code clients:view} with {@code entity_id} {@code "*"},
 * blank or absent. In a scope {@code *} means "any client", so a resource server asking "may this token view
 * clients?" is told yes and shows every client, although the token itself is refused every client but one
 * ({@code Scope.reaches} treats a null entity as reached). No real call of an entity operation has no entity.
 */
@ApiTest
class AuthorizeAnyEntityAttackTest extends ApiTestBase {

    String userToken;
    long domain;
    long mine;
    long other;
    long patId;
    String pat;
    String service;

    @BeforeEach
    void aTokenReachesOneClientOnly() {
        String adminToken = api.accessToken(users.create("anyentityadmin", PlatformRole.ADMIN));
        UserProfile alice = users.create("anyentityalice", PlatformRole.USER);
        userToken = api.accessToken(alice);
        domain = domains.domain("AnyEntity");
        domains.member(domain, alice, DomainRole.EDITOR);
        mine = domains.client(domain, "mine");
        other = domains.client(domain, "other");
        JsonNode created = createClientViewPat(userToken, "one", "30d", domain, String.valueOf(mine));
        patId = created.path("id").asLong();
        pat = created.path("secret").asString();
        Response svc = api.post("/api/v1/admin/services", adminToken, Map.of("name", "anyentity-" + System.nanoTime()));
        assertThat(svc.status()).as(svc.body()).isEqualTo(201);
        service = svc.json().path("secret").asString();
        assertThat(api.get("/api/v1/domains/" + domain + "/clients/" + other, pat)
                        .status())
                .as("the token itself cannot view the other client")
                .isEqualTo(404);
    }

    private Map<String, Object> question(String entityId) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", pat);
        body.put("domain_id", domain);
        body.put("entity_type", "clients");
        body.put("operation", "view");
        if (entityId != null) {
            body.put("entity_id", entityId);
        }
        return body;
    }

    @Test
    void authorizeNeverAllowsAnyClientToATokenThatReachesOneClient() {
        for (String entity : java.util.Arrays.asList("*", "", null)) {
            Response answer = api.post("/api/v1/authorize", service, question(entity));
            assertThat(answer.status()).as(answer.body()).isIn(200, 400);
            if (answer.status() == 200) {
                assertThat(answer.json().path("allowed").asBoolean())
                        .as("clients:view on entity_id=%s for a token scoped to client %d only", entity, mine)
                        .isFalse();
            }
        }
    }

    @Test
    void theSimulatorNeverAllowsAnyClientToATokenThatReachesOneClient() {
        Response answer = api.post(
                "/api/v1/pats/" + patId + "/check",
                userToken,
                Map.of("domain_id", domain, "entity_type", "clients", "operation", "view", "entity_id", "*"));
        assertThat(answer.status()).as(answer.body()).isIn(200, 422);
        if (answer.status() == 200) {
            assertThat(answer.json().path("allowed").asBoolean())
                    .as("the simulator says a one-client token may view any client")
                    .isFalse();
        }
    }
}
