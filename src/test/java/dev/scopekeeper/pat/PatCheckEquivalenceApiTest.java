package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiDocument;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.api.EntityEndpoints;
import dev.scopekeeper.entities.api.EntityEndpoints.Endpoint;
import dev.scopekeeper.entities.api.EntityFixtures;
import dev.scopekeeper.entities.api.EntityFixtures.Fixture;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The simulator can never drift from enforcement: every operation of {@code /v3/api-docs}, with the ids of real
 * entities in its path, is asked of {@code POST /api/v1/pats/{id}/check} as {@code {method, path}} for a token with
 * a mix of scopes whose owner is only an editor, then called for real with that token: allowed ⇔ 2xx, denied ⇔
 * 403 or 404 (409 only when the answer was "domain disabled").
 */
@ApiTest
class PatCheckEquivalenceApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains testDomains;

    @Autowired
    EntityFixtures fixtures;

    @Test
    void theSimulatorAnswersWhatTheRealCallDoesForEveryDocumentedOperation() {
        UserProfile admin = users.create("eqadmin", PlatformRole.ADMIN);
        UserProfile viewer = users.create("eqviewer", PlatformRole.USER);
        UserProfile owner = users.create("eqowner", PlatformRole.USER);
        String ownerToken = api.accessToken(owner);
        ApiDocument doc = new ApiDocument(api.get("/v3/api-docs", null).json());

        List<String> mismatches = new ArrayList<>();
        int allowed = 0;
        int denied = 0;
        for (ApiDocument.Operation operation : doc.operations()) {
            if (!operation.secured() || operation.node().has("x-scopekeeper-no-authentication")) {
                continue;
            }
            Fixture fixture = fixtures.create(admin, viewer);
            users.signIn(admin);
            try {
                testDomains.addMember(fixture.domainId(), owner, DomainRole.EDITOR);
            } finally {
                users.signOut();
            }
            JsonNode pat = api.post(
                            "/api/v1/pats",
                            ownerToken,
                            Map.of("name", "eq" + System.nanoTime(), "duration", "7d", "scopes", mixOfScopes(fixture)))
                    .json();
            long patId = pat.path("id").asLong();
            String secret = pat.path("secret").asString();
            Optional<Endpoint> known = EntityEndpoints.all()
                    .filter(e -> e.method().equalsIgnoreCase(operation.method())
                            && e.pattern().equals(operation.path()))
                    .findFirst();
            String path = known.map(e -> e.path(fixture)).orElseGet(() -> concrete(operation.path(), fixture, patId));
            Object body = known.isPresent() ? known.get().body(fixture) : Map.of();
            String method = operation.method().toUpperCase();

            Response check =
                    api.post("/api/v1/pats/" + patId + "/check", ownerToken, Map.of("method", method, "path", path));
            assertThat(check.status())
                    .as(method + " " + path + ": " + check.body())
                    .isEqualTo(200);
            boolean isAllowed = check.json().path("allowed").asBoolean();
            String reason = check.json().path("reason").asString();
            Response real = api.send(method, path, secret, knownBody(method, body));
            int status = real.status();
            boolean agrees = isAllowed
                    ? status >= 200 && status < 300
                    : status == 403 || status == 404 || (status == 409 && reason.equals("domain_disabled"));
            if (!agrees) {
                mismatches.add(method + " " + path + ": simulator " + (isAllowed ? "allowed" : "denied " + reason)
                        + ", real call " + status + " " + real.body());
            }
            if (isAllowed) {
                allowed++;
            } else {
                denied++;
            }
        }
        assertThat(mismatches).isEmpty();
        // the mix really exercises both answers
        assertThat(allowed).isGreaterThan(5);
        assertThat(denied).isGreaterThan(20);
    }

    private static Object knownBody(String method, Object body) {
        return method.equals("GET") ? null : body;
    }

    /**
     * Editor in the domain: clients of one client (all operations), channel views anywhere in it, the group's tags,
     * the domain's read, update (an admin's: the owner's role is too low), client list, and the domain list.
     */
    private static List<Map<String, Object>> mixOfScopes(Fixture f) {
        return List.of(
                scope(f, "clients", "*", String.valueOf(f.clientId())),
                scope(f, "channels", "view", "*"),
                scope(f, "groups", "update_tags", String.valueOf(f.groupId())),
                scope(f, "groups", "view", String.valueOf(f.otherGroupId())),
                scope(f, "domains", "read", "*"),
                scope(f, "domains", "update", "*"),
                scope(f, "domains", "list_clients", "*"),
                scope(f, "domains", "list", "*"));
    }

    private static Map<String, Object> scope(Fixture f, String type, String op, String entity) {
        return Map.of("domain_id", f.domainId(), "entity_type", type, "operation", op, "entity_id", entity);
    }

    /** A template outside the entity endpoints (tokens, users, administration): real ids where they are known. */
    private static String concrete(String template, Fixture f, long patId) {
        return template.replace("{domainId}", String.valueOf(f.domainId()))
                .replace("{invitationId}", String.valueOf(f.invitationId()))
                .replace("{userId}", String.valueOf(f.memberId()))
                .replace("{id}", String.valueOf(patId))
                .replaceAll("\\{[^}]+}", "1");
    }
}
